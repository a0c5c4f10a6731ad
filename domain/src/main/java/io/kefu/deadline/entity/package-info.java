/** The days of a tenant's calendar that break its weekly pattern: holidays and make-up working days. */
package io.kefu.deadline.entity;
