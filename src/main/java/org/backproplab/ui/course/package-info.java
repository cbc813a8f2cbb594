/**
 * The course panel beside the tabs (View ▸ Course panel, F9): {@link org.backproplab.ui.course.CourseModel} holds the
 * course, the page and the progress without drawing anything; {@code course-panel.fxml} and its controller draw a page
 * — Markdown by commonmark-java ({@code MarkdownNodes}), formulas by JLaTeXMath ({@code FormulaImages}), a button per
 * setup, a card per exercise ({@code ExerciseCards}) — and walk the pages. What a setup does to the tabs is the
 * window's ({@link org.backproplab.ui.course.CourseHost}); the course itself is read in {@code org.backproplab.course}.
 */
package org.backproplab.ui.course;
