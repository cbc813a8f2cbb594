package org.backproplab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * README.zh-CN.md is the English README.md in Chinese, not a summary of it: the two have the same sections in the
 * same order, and each section the same code blocks (with the same code; comments may be translated), the same
 * tables and the same figures. A section added to one README and not the other fails here, at that section.
 */
class ReadmeParityTest {

    private static final Path ENGLISH = Path.of("README.md");
    private static final Path CHINESE = Path.of("README.zh-CN.md");

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+)$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern FIGURE = Pattern.compile("!\\[[^\\]]*\\]\\(");
    /** A comment in a code block: {@code #} at a line's start or after a space, then a space or the line's end. */
    private static final Pattern COMMENT = Pattern.compile("(^|\\s+)#(\\s.*)?$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern LOCAL_LINK = Pattern.compile("\\]\\(((?!https?:|#)[^)\\s]+)\\)");

    /** One part of a README: a heading and what follows it up to the next heading. */
    record Section(int level, String title, List<List<String>> codeBlocks, List<Integer> tableRowCells, int figures) {

        /** Everything compared except the title, which is in another language. */
        String shape() {
            return "level " + level + ", " + codeBlocks.size() + " code blocks, table rows with " + tableRowCells
                    + " cells, " + figures + " figures";
        }
    }

    @Test
    void bothReadmesHaveTheSameHeadingsAtTheSameLevels() throws IOException {
        List<Section> english = sections(ENGLISH);
        List<Section> chinese = sections(CHINESE);
        assertEquals(levels(english), levels(chinese), "heading levels in order, README.md against README.zh-CN.md:\n"
                + titles(english) + "\n" + titles(chinese));
    }

    @Test
    void eachSectionHasTheSameCodeBlocksTablesAndFigures() throws IOException {
        List<Section> english = sections(ENGLISH);
        List<Section> chinese = sections(CHINESE);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.min(english.size(), chinese.size()); i++) {
            Section en = english.get(i);
            Section zh = chinese.get(i);
            if (!en.shape().equals(zh.shape())) {
                differences.add("'" + en.title() + "' / '" + zh.title() + "': " + en.shape() + " against " + zh.shape());
            }
        }
        assertEquals(List.of(), differences, "sections whose structure differs between the two READMEs");
    }

    @Test
    void codeBlocksSayTheSameExceptForTheirComments() throws IOException {
        List<Section> english = sections(ENGLISH);
        List<Section> chinese = sections(CHINESE);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.min(english.size(), chinese.size()); i++) {
            List<List<String>> en = english.get(i).codeBlocks();
            List<List<String>> zh = chinese.get(i).codeBlocks();
            for (int b = 0; b < Math.min(en.size(), zh.size()); b++) {
                if (!en.get(b).equals(zh.get(b))) {
                    differences.add("'" + english.get(i).title() + "', block " + (b + 1) + ":\n" + en.get(b) + "\n"
                            + zh.get(b));
                }
            }
        }
        assertEquals(List.of(), differences, "code blocks of README.zh-CN.md that differ from README.md");
    }

    @Test
    void everyLocalLinkAndFigureOfBothReadmesPointsToAFile() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path readme : List.of(ENGLISH, CHINESE)) {
            Matcher link = LOCAL_LINK.matcher(withoutCode(Files.readString(readme)));
            while (link.find()) {
                if (!Files.exists(Path.of(link.group(1)))) {
                    missing.add(readme + ": " + link.group(1));
                }
            }
        }
        assertEquals(List.of(), missing, "links to files that do not exist");
    }

    /**
     * Chinese quotes in Chinese prose (code and inline code are not prose). The terms themselves are held to the
     * glossary by {@code GlossaryTest}, for both READMEs.
     */
    @Test
    void theChineseReadmeUsesChineseQuotes() throws IOException {
        String prose = withoutCode(Files.readString(CHINESE));
        assertFalse(prose.contains("\""), "README.zh-CN.md: ASCII quotes in Chinese prose");
    }

    /** The parser itself, on a small text, so that the tests above cannot pass by finding nothing. */
    @Test
    void theParserFindsHeadingsCodeTablesAndFigures() {
        List<Section> parsed = sections(List.of(
                "# Title", "intro ![a](x.png)",
                "## One", "```sh", "mvn run   # a comment", "## not a heading inside code", "```",
                "| a | b |", "|---|---|", "| 1 | 2 |",
                "### Two", "  ```text", "  run Test#method  # cut", "  ```"));
        assertEquals(List.of(1, 2, 3), levels(parsed));
        assertEquals(1, parsed.get(0).figures());
        assertEquals(List.of(List.of("mvn run", "## not a heading inside code")), parsed.get(1).codeBlocks());
        assertEquals(List.of(2, 2, 2), parsed.get(1).tableRowCells());
        assertEquals(List.of(List.of("run Test#method")), parsed.get(2).codeBlocks());
    }

    static List<Section> sections(Path readme) throws IOException {
        return sections(Files.readAllLines(readme));
    }

    static List<Section> sections(List<String> lines) {
        List<Section> sections = new ArrayList<>();
        int level = 0;
        String title = "(before the first heading)";
        List<List<String>> code = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        int figures = 0;
        List<String> block = null;
        for (String line : lines) {
            if (FENCE.matcher(line).find()) {
                if (block == null) {
                    block = new ArrayList<>();
                } else {
                    code.add(block);
                    block = null;
                }
                continue;
            }
            if (block != null) {
                block.add(COMMENT.matcher(line.strip()).replaceFirst("").strip());
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                if (level > 0 || !code.isEmpty() || !rows.isEmpty() || figures > 0) {
                    sections.add(new Section(level, title, code, rows, figures));
                }
                level = heading.group(1).length();
                title = heading.group(2).strip();
                code = new ArrayList<>();
                rows = new ArrayList<>();
                figures = 0;
                continue;
            }
            String text = INLINE_CODE.matcher(line).replaceAll("code");
            if (text.strip().startsWith("|")) {
                rows.add((int) text.chars().filter(c -> c == '|').count() - 1);
            }
            figures += (int) FIGURE.matcher(text).results().count();
        }
        sections.add(new Section(level, title, code, rows, figures));
        return sections;
    }

    private static List<Integer> levels(List<Section> sections) {
        return sections.stream().map(Section::level).toList();
    }

    private static List<String> titles(List<Section> sections) {
        return sections.stream().map(s -> "#".repeat(s.level()) + " " + s.title()).toList();
    }

    private static String withoutCode(String markdown) {
        StringBuilder kept = new StringBuilder();
        boolean inBlock = false;
        for (String line : markdown.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                inBlock = !inBlock;
            } else if (!inBlock) {
                kept.append(INLINE_CODE.matcher(line).replaceAll("code")).append('\n');
            }
        }
        return kept.toString();
    }
}
