package org.backproplab.glossary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The glossary read from its tab-separated file: lines starting with {@code #} are comments, the first other line
 * names the columns, every further line is one {@link Term}. Avoid lists are separated by {@code " | "}, and
 * {@code -} means none. A malformed line is a packaging error and is reported with its line number.
 */
public final class Glossary {

    /** Where the shipped glossary lives on the class path. */
    public static final String RESOURCE = "/org/backproplab/glossary/glossary.tsv";
    private static final int COLUMNS = 7;

    private final List<Term> terms;

    private Glossary(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    /** The glossary shipped with the app. */
    public static Glossary shipped() {
        try (InputStream in = Glossary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Parses glossary text; {@code source} names it in errors. */
    public static Glossary parse(String text, String source) {
        List<Term> terms = new ArrayList<>();
        boolean header = true;
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != COLUMNS) {
                    throw new IllegalArgumentException(source + ":" + lineNumber + ": " + cells.length
                            + " tab-separated columns, the glossary has " + COLUMNS);
                }
                if (header) {
                    header = false;
                    continue;
                }
                terms.add(new Term(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip(),
                        cells[4].strip(), variants(cells[5]), variants(cells[6])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Glossary(terms);
    }

    private static List<String> variants(String cell) {
        String trimmed = cell.strip();
        if (trimmed.isEmpty() || "-".equals(trimmed)) {
            return List.of();
        }
        return Arrays.stream(trimmed.split("\\s\\|\\s")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Every term, in the file's order (the primer's order of ideas). */
    public List<Term> terms() {
        return terms;
    }

    /** The terms whose words or definitions contain the query (all of them for an empty query). */
    public List<Term> search(String query) {
        return terms.stream().filter(t -> t.matches(query)).toList();
    }

    /** The term with this id. */
    public Optional<Term> byId(String id) {
        return terms.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The first variant of any term that the text uses in the given language, with the term it stands for. */
    public Optional<Misuse> firstMisuse(String text, Locale locale) {
        for (Term term : terms) {
            for (String variant : term.avoid(locale)) {
                if (text.contains(variant)) {
                    return Optional.of(new Misuse(term, variant));
                }
            }
        }
        return Optional.empty();
    }

    /** A variant found in a text, and the glossary term to use instead. */
    public record Misuse(Term term, String variant) {
        /** {@code "批归一化" → "批量归一化（BatchNorm）"}. */
        public String describe(Locale locale) {
            return "\"" + variant + "\" → \"" + term.term(locale) + "\"";
        }
    }

    @Override
    public String toString() {
        return "Glossary(" + terms.size() + " terms)";
    }
}
