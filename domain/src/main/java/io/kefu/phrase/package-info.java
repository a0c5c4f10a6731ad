/**
 * Service language (服务用语): the forbidden phrases (服务忌语) that must never reach a customer, with the
 * polite alternative to suggest. Pure text rules, Chinese and English; each tenant keeps its own list (seeded
 * from the regulations), stored and edited with the complaint workflow's replies.
 */
package io.kefu.phrase;
