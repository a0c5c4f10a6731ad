/**
 * Callbacks (回访): after every resolution the office calls the resident back before the case may close
 * (回访处理率 100%). A resolution opens a {@link io.kefu.callback.entity.CallbackTask}; staff record attempts
 * (method, reached or not, satisfaction, score, comment); the outcome closes the case, or reopens it to its owner
 * when the resident is not satisfied; the tenant's maximum of unanswered attempts closes it as unreachable. The
 * resident's own confirmation through the tracking link counts where the tenant says so. Overdue callbacks are
 * reported up like overdue cases. Courtesy visits (回访计划) come from plans and land in the same queue.
 *
 * <p>Out of scope here: the questionnaire answered during a call (the survey package owns templates and
 * responses) and customer records (targets of a plan are typed in; records arrive with their own feature).
 */
package io.kefu.callback;
