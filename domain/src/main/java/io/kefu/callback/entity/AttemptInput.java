package io.kefu.callback.entity;

/**
 * One callback attempt as staff record it: {@code satisfaction} and {@code score} (1–5) only when the resident
 * was reached; a comment is required when they are not satisfied (it goes to the case's owner).
 */
public record AttemptInput(CallbackMethod method, Boolean reached, Satisfaction satisfaction, Integer score,
        String comment) {
}
