package io.kefu.phrase;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds forbidden phrases in a reply before it is sent. Matching ignores case and full-width forms (ＯＫ = OK,
 * ， = ,). Phrases in Latin script match whole words only ("don't know" does not hit "I don't knowingly");
 * Chinese has no word boundaries, so a tenant lists the longer, polite words that merely contain a phrase
 * ("不知道您是否方便" contains 不知道 but is courteous) and hits inside them are not reported.
 */
public final class ForbiddenPhrases {

    /** A forbidden phrase and the polite alternative to offer instead. */
    public record Rule(String phrase, String suggestion) {

        public Rule {
            if (phrase == null || phrase.isBlank()) {
                throw new IllegalArgumentException("a forbidden phrase is not blank");
            }
        }
    }

    /** One occurrence in the checked text: characters {@code start} (inclusive) to {@code end} (exclusive). */
    public record Finding(Rule rule, int start, int end) {
    }

    private final List<Rule> rules;
    private final List<String> allowedWords;

    public ForbiddenPhrases(List<Rule> rules, List<String> allowedWords) {
        this.rules = List.copyOf(rules);
        this.allowedWords = allowedWords.stream().map(ForbiddenPhrases::normalize).toList();
    }

    /** Longer courteous words that contain a forbidden phrase ("不知道您是否方便"); hits inside them do not count. */
    private static final List<String> COURTEOUS_WORDS = List.of("不知道您", "不知您", "我不会再", "我们不会再");

    /** A tenant's own list, with the courteous exceptions every list shares. */
    public static ForbiddenPhrases of(List<Rule> rules) {
        return new ForbiddenPhrases(rules, COURTEOUS_WORDS);
    }

    /** The regulations' 服务忌语 and their polite forms, the list every new tenant starts with. */
    public static ForbiddenPhrases regulations() {
        return new ForbiddenPhrases(List.of(
                new Rule("喂，干什么", "您好，请问有什么可以帮您？"),
                new Rule("叫什么", "请问您贵姓？"),
                new Rule("等一会儿", "请您稍候，我马上为您处理。"),
                new Rule("不知道", "请您稍候，我帮您确认后给您答复。"),
                new Rule("我不能", "这件事我需要请示，会在约定时间内给您答复。"),
                new Rule("我不会", "我请熟悉的同事为您处理。"),
                new Rule("我不愿意", "我们会尽力为您解决。"),
                new Rule("不归我管", "这件事由我负责跟进，请您放心。"),
                new Rule("你自己看着办", "我们建议您……，您看是否可以？"),
                new Rule("don't know", "Let me find out for you and come back to you by …"),
                new Rule("not my job", "I will take care of this for you."),
                new Rule("not my problem", "I will follow this up for you."),
                new Rule("calm down", "I understand, and I am sorry for the trouble.")),
                COURTEOUS_WORDS);
    }

    /**
     * Refuses {@code text} when it contains a forbidden phrase: an input error on {@code field} that names the
     * phrases found and the polite forms to use instead.
     */
    public void requireCourteous(String text, String field) {
        List<Finding> findings = findIn(text);
        if (!findings.isEmpty()) {
            throw io.kefu.problem.KefuException.invalid(field, "case.reply.forbidden",
                    String.join("、", findings.stream().map(f -> text.substring(f.start(), f.end())).toList()),
                    String.join(" / ", findings.stream().map(f -> f.rule().suggestion())
                            .filter(java.util.Objects::nonNull).distinct().toList()));
        }
    }

    /** Every forbidden phrase in {@code text}, in the order they appear; empty when the text is fine. */
    public List<Finding> findIn(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String normalized = normalize(text);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            String phrase = normalize(rule.phrase());
            for (int at = normalized.indexOf(phrase); at >= 0; at = normalized.indexOf(phrase, at + 1)) {
                int end = at + phrase.length();
                if (wholeWord(normalized, phrase, at, end) && !insideAllowedWord(normalized, at, end)) {
                    findings.add(new Finding(rule, at, end));
                }
            }
        }
        findings.sort(Comparator.comparingInt(Finding::start));
        return findings;
    }

    public List<Rule> rules() {
        return rules;
    }

    private boolean insideAllowedWord(String text, int start, int end) {
        for (String word : allowedWords) {
            for (int at = text.indexOf(word, Math.max(0, end - word.length())); at >= 0 && at <= start;
                    at = text.indexOf(word, at + 1)) {
                if (at + word.length() >= end) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Latin-script phrases match whole words; Chinese ones anywhere. */
    private static boolean wholeWord(String text, String phrase, int start, int end) {
        boolean latinStart = isLatin(phrase.charAt(0));
        boolean latinEnd = isLatin(phrase.charAt(phrase.length() - 1));
        return !(latinStart && start > 0 && isLatin(text.charAt(start - 1)))
                && !(latinEnd && end < text.length() && isLatin(text.charAt(end)));
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /**
     * Lower case, full-width ASCII as half-width, curly apostrophes as straight ones: one character for one,
     * so positions in the normalized text are positions in the original.
     */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u2019' || c == '\u2018') {
                c = '\'';
            } else if (c == '\u3000') {
                c = ' ';
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }
}
