package org.backproplab.ui.course;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.backproplab.course.Course;
import org.backproplab.course.Exercise;
import org.backproplab.course.Progress;

/**
 * The course panel's state: the course open, the page shown, the answers given in this sitting and the progress
 * kept between sittings (pages seen, exercises right, the page last open), saved on every change to
 * {@code progressFile}. A language switch rebuilds the panel's view; this model stays.
 */
public final class CourseModel {

    /** What a try at an exercise gave: right or not, and what was given (for the card to show again). */
    public record Attempt(boolean right, String given) {
    }

    private final ReadOnlyObjectWrapper<Course> course = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(0);
    /** Bumped when another page (or course) is to be shown, once the model is consistent. */
    private final ReadOnlyIntegerWrapper pageVersion = new ReadOnlyIntegerWrapper(0);
    /** Bumped when the progress changes, so the view redraws its counts. */
    private final ReadOnlyIntegerWrapper progressVersion = new ReadOnlyIntegerWrapper(0);
    private final Map<String, Attempt> attempts = new HashMap<>();
    private final Path progressFile;
    private final Progress progress;

    /** @param progressFile where the progress is kept; null: nowhere (the tests' windows) */
    public CourseModel(Path progressFile) {
        this.progressFile = progressFile;
        this.progress = Progress.load(progressFile);
    }

    public ReadOnlyObjectProperty<Course> courseProperty() { return course.getReadOnlyProperty(); }

    public Course course() { return course.get(); }

    /** The page shown, from 0. */
    public ReadOnlyIntegerProperty pageProperty() { return page.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty progressVersionProperty() { return progressVersion.getReadOnlyProperty(); }

    /** Changes whenever the page to show changes (another page, or another course). */
    public ReadOnlyIntegerProperty pageVersionProperty() { return pageVersion.getReadOnlyProperty(); }

    /** Opens a course at the page it was last left on. */
    public void open(Course c) {
        attempts.clear();
        int last = Math.min(progress.lastPage(c.id()), c.pages().size()) - 1;
        page.set(last);
        course.set(c);
        goTo(last);
    }

    public Course.Page currentPage() {
        return course.get() == null ? null : course.get().pages().get(page.get());
    }

    public boolean canGoBack() { return course.get() != null && page.get() > 0; }

    public boolean canGoNext() { return course.get() != null && page.get() + 1 < course.get().pages().size(); }

    public void next() {
        if (canGoNext()) {
            goTo(page.get() + 1);
        }
    }

    public void back() {
        if (canGoBack()) {
            goTo(page.get() - 1);
        }
    }

    public void goTo(int index) {
        Course c = course.get();
        if (c == null || index < 0 || index >= c.pages().size()) {
            return;
        }
        progress.markSeen(c.id(), index + 1);
        saveProgress();
        page.set(index);
        pageVersion.set(pageVersion.get() + 1);
    }

    /** The pages seen (from 1) and the exercises right (keys), remembered between sittings. */
    public Set<Integer> seenPages() { return progress.seen(course.get().id()); }

    public Set<String> rightExercises() { return progress.right(course.get().id()); }

    /** This sitting's try at an exercise, or null before the first. */
    public Attempt attempt(String key) {
        return attempts.get(key);
    }

    /** A number typed for a number exercise; a text that is not a number is no try (null). */
    public Attempt answerNumber(String key, Exercise.NumberExercise e, String typed) {
        double given;
        try {
            given = Double.parseDouble(typed.strip().replace('−', '-').replace(',', '.'));
        } catch (NumberFormatException ex) {
            return null;
        }
        return record(key, e.isRight(given), typed.strip());
    }

    /** The option chosen, from 1. */
    public Attempt answerChoice(String key, Exercise.ChoiceExercise e, int option) {
        return record(key, option == e.answer(), Integer.toString(option));
    }

    /** The layer clicked or typed, against the layer where the lab measures the smallest gradient now. */
    public Attempt answerLayer(String key, int layer, int smallest) {
        return record(key, layer == smallest, Integer.toString(layer));
    }

    /** Forgets this course's progress and this sitting's answers; stays on the page. */
    public void resetProgress() {
        Course c = course.get();
        if (c == null) {
            return;
        }
        attempts.clear();
        progress.reset(c.id());
        progress.markSeen(c.id(), page.get() + 1);
        saveProgress();
        progressVersion.set(progressVersion.get() + 1);
    }

    private Attempt record(String key, boolean right, String given) {
        Attempt a = new Attempt(right, given);
        attempts.put(key, a);
        if (right) {
            progress.markRight(course.get().id(), key);
            saveProgress();
        }
        progressVersion.set(progressVersion.get() + 1);
        return a;
    }

    private void saveProgress() {
        if (progressFile == null) {
            return;
        }
        try {
            progress.save(progressFile);
        } catch (IOException e) {
            Logger.getLogger(CourseModel.class.getName()).log(Level.WARNING, "could not save the course progress to "
                    + progressFile, e);
        }
    }
}
