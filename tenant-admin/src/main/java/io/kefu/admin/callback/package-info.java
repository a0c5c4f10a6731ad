/** The tenant admin's callback settings page: the callback policy and the courtesy visit plans. */
package io.kefu.admin.callback;
