package org.backproplab.stepper;

import java.util.Locale;

/**
 * What a lesson's header comment says in one language: its title and what it teaches. A lesson file keeps both
 * languages in its header, each part marked; the window shows the part of its own language:
 * <pre>
 * # Title: sigmoid neuron
 * # Teaches: the sigmoid neuron of CS231n's backprop notes, ...
 * #   Forward: the weighted sum is 1, ...        (an indented comment line goes on with the part above)
 * # 标题：Sigmoid 神经元
 * # 本课内容：CS231n 反向传播讲义中的 Sigmoid 神经元，...
 * #   前向：加权和为 1，...
 * </pre>
 * The header is the comment block before the first statement; a marker may end in a full-width or an ASCII colon.
 * Either field is "" when the lesson does not have it in that language: the part in the other language is not
 * given instead (the editor shows the whole text anyway).
 *
 * @param title       the line after {@code # Title:} ({@code # 标题：}), "" when there is none
 * @param explanation what the lesson teaches: the line after {@code # Teaches:} ({@code # 本课内容：}) and the
 *                    indented comment lines under it, joined into one paragraph; "" when there is none
 */
public record LessonHeader(String title, String explanation) {

    /** The words that mark the title and the explanation, in English and in Chinese. */
    private static final String[] ENGLISH = {"Title", "Teaches"};
    private static final String[] CHINESE = {"标题", "本课内容"};

    /** The header of {@code source} in the language of {@code locale}: Chinese for any zh locale, else English. */
    public static LessonHeader of(String source, Locale locale) {
        String[] words = locale.getLanguage().equals("zh") ? CHINESE : ENGLISH;
        String[] lines = source.split("\r?\n", -1);
        String title = "";
        String explanation = "";
        // The header is the comment block before the first statement; a comment further down is not part of it.
        for (int i = 0; i < lines.length && (lines[i].isBlank() || lines[i].startsWith("#")); i++) {
            String t = afterMarker(lines[i], words[0]);
            if (t != null && title.isEmpty()) {
                title = t;
            }
            String e = afterMarker(lines[i], words[1]);
            if (e != null && explanation.isEmpty()) {
                StringBuilder text = new StringBuilder(e);
                for (int j = i + 1; j < lines.length && isContinuation(lines[j]); j++) {
                    join(text, lines[j].substring(1).trim());
                }
                explanation = text.toString();
            }
        }
        return new LessonHeader(title, explanation);
    }

    /** The text after "# word:" or "# word：" (trimmed), or null when the line is not that marker. */
    private static String afterMarker(String line, String word) {
        String marker = "# " + word;
        if (!line.startsWith(marker) || line.length() == marker.length()) {
            return null;
        }
        char colon = line.charAt(marker.length());
        return colon == ':' || colon == '：' ? line.substring(marker.length() + 1).trim() : null;
    }

    /** An indented comment line ("#   more of the same"): the part above goes on. */
    private static boolean isContinuation(String line) {
        return line.startsWith("#  ") && !line.substring(1).isBlank();
    }

    /**
     * Joins a wrapped line on: with a space between two words of English, with none where either side is Chinese
     * (Chinese puts no space between its characters or around its full-width punctuation).
     */
    private static void join(StringBuilder text, String next) {
        if (text.length() > 0 && !next.isEmpty() && !isCjk(text.codePointBefore(text.length()))
                && !isCjk(next.codePointAt(0))) {
            text.append(' ');
        }
        text.append(next);
    }

    private static boolean isCjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN
                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }
}
