package io.kefu.compensation.entity;

import io.kefu.problem.KefuException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money in yuan as people type it ("1500", "1,500.50", "１５００") and in fen as Kefu stores it: whole fen, so
 * sums are exact. More than two decimals, zero, a negative amount or one beyond {@link #MAX_FEN} is an input
 * error on the field it came from.
 */
public final class Amount {

    /** One million yuan: far beyond any single case's compensation, so a larger figure is a typing error. */
    public static final long MAX_FEN = 100_000_000L;
    public static final int TEXT_MAXLENGTH = 20;

    private Amount() {
    }

    /** The amount in fen, or an input error on {@code field}. */
    public static long parseYuan(String text, String field) {
        if (text == null || text.isBlank()) {
            throw KefuException.invalid(field, "field.required");
        }
        String plain = halfWidth(text.strip()).replace(",", "").replace("¥", "").replace("元", "").strip();
        BigDecimal yuan;
        try {
            if (plain.length() > TEXT_MAXLENGTH) {
                throw new NumberFormatException();
            }
            yuan = new BigDecimal(plain);
        } catch (NumberFormatException e) {
            throw KefuException.invalid(field, "compensation.amount.invalid");
        }
        if (yuan.scale() > 2 && yuan.stripTrailingZeros().scale() > 2) {
            throw KefuException.invalid(field, "compensation.amount.fen");
        }
        if (yuan.signum() <= 0) {
            throw KefuException.invalid(field, "compensation.amount.positive");
        }
        if (yuan.compareTo(BigDecimal.valueOf(MAX_FEN, 2)) > 0) {
            throw KefuException.invalid(field, "compensation.amount.too.large", format(MAX_FEN));
        }
        return yuan.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    /** Fen as yuan with two decimals, "1500.00": what the API answers and the pages show. */
    public static String format(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append((char) (c >= '\uFF01' && c <= '\uFF5E' ? c - 0xFEE0 : c)));
        return out.toString();
    }
}
