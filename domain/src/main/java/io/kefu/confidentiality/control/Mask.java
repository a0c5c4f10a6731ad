package io.kefu.confidentiality.control;

/**
 * How personal data of a protected record looks to someone not cleared for it: enough to tell two customers apart
 * on a call list (the first digits and the last four of a phone, the first letter of a name), never enough to
 * reach the person. {@code null} stays {@code null}, so that "not given" still reads as not given.
 */
public final class Mask {

    static final String HIDDEN = "***";
    private static final int TAIL = 4;
    private static final int HIDDEN_DIGITS = 4;

    private Mask() {
    }

    /**
     * {@code 13812348000} → {@code 138****8000}; {@code +86 138 1234 8000} → {@code +86138****8000}: the four
     * digits before the last four are hidden, separators dropped. Numbers of eight digits or fewer keep only
     * their last two.
     */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String trimmed = phone.strip();
        boolean international = trimmed.startsWith("+");
        String digits = trimmed.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return HIDDEN;
        }
        String masked;
        if (digits.length() <= TAIL + HIDDEN_DIGITS) {
            int shown = Math.min(2, digits.length() - 1);
            masked = "*".repeat(digits.length() - shown) + digits.substring(digits.length() - shown);
        } else {
            int head = digits.length() - TAIL - HIDDEN_DIGITS;
            masked = digits.substring(0, head) + "*".repeat(HIDDEN_DIGITS) + digits.substring(head + HIDDEN_DIGITS);
        }
        return international ? "+" + masked : masked;
    }

    /** {@code zhang.san@x.cn} → {@code z***@x.cn}: the domain stays (it says which company), the person goes. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        String trimmed = email.strip();
        int at = trimmed.lastIndexOf('@');
        if (at < 1) {
            return HIDDEN;
        }
        return trimmed.substring(0, 1) + HIDDEN + trimmed.substring(at);
    }

    /** {@code 张三} → {@code 张*}, {@code 欧阳娜娜} → {@code 欧***}: the first character and a star for each other. */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        String trimmed = name.strip();
        int first = trimmed.isEmpty() ? 0 : trimmed.offsetByCodePoints(0, 1);
        int rest = trimmed.codePointCount(first, trimmed.length());
        if (rest == 0) {
            return "*";
        }
        return trimmed.substring(0, first) + "*".repeat(rest);
    }

    /** An address or location says where the person lives: nothing of it is shown. */
    public static String address(String address) {
        return address == null || address.isBlank() ? address : HIDDEN;
    }
}
