package org.backproplab.course;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.backproplab.files.AtomicFile;

/**
 * What a learner has done in each course: the pages seen, the exercises answered right, and the page last open. Kept
 * per course id in one properties file beside the preferences; reading never fails (a missing or damaged file is no
 * progress), writing is atomic. Not thread-safe: the window owns it.
 */
public final class Progress {

    private final Properties values = new Properties();

    private Progress() {
    }

    public static Progress empty() {
        return new Progress();
    }

    /** The progress in {@code file}; none if it is missing or unreadable. */
    public static Progress load(Path file) {
        Progress p = new Progress();
        if (file != null && Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                p.values.clear();
            }
        }
        return p;
    }

    public void save(Path file) throws IOException {
        AtomicFile.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            values.store(w, "Backprop Lab: progress in each course");
            w.flush();
        });
    }

    /** The pages seen, from 1. */
    public Set<Integer> seen(String course) {
        Set<Integer> pages = new TreeSet<>();
        for (String s : set(course, "seen")) {
            try {
                pages.add(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                // a hand-edited file: that entry is ignored
            }
        }
        return pages;
    }

    public void markSeen(String course, int page) {
        add(course, "seen", String.valueOf(page));
        values.setProperty(course + ".page", String.valueOf(page));
    }

    /** The page last open (from 1), or 1. */
    public int lastPage(String course) {
        try {
            return Math.max(1, Integer.parseInt(values.getProperty(course + ".page", "1").strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The exercises answered right (keys such as {@code 3.1}). */
    public Set<String> right(String course) {
        return set(course, "right");
    }

    public void markRight(String course, String exercise) {
        add(course, "right", exercise);
    }

    /** Forgets this course's progress (the others stay). */
    public void reset(String course) {
        values.remove(course + ".seen");
        values.remove(course + ".right");
        values.remove(course + ".page");
    }

    private Set<String> set(String course, String what) {
        String v = values.getProperty(course + "." + what, "");
        Set<String> items = new TreeSet<>(Arrays.asList(v.split(",")));
        items.remove("");
        return items;
    }

    private void add(String course, String what, String item) {
        Set<String> items = set(course, what);
        items.add(item);
        values.setProperty(course + "." + what, String.join(",", items));
    }
}
