/**
 * Courses: the primer as pages a learner walks (text with formulas, setups that put a tab into a stated state,
 * exercises that ask before they tell), read from a course file ({@link org.backproplab.course.CourseFile}) with every
 * mistake at its line and column; setups on their own as files ({@link org.backproplab.course.SetupFile}); the
 * learner's progress per course ({@link org.backproplab.course.Progress}); and the engine's own answers to the number
 * exercises ({@link org.backproplab.course.EngineAnswers}). Beside the labs: it may use the stepper's shipped lessons
 * and the labs' surfaces, never the views. No JavaFX: {@code ui.course} shows it.
 */
package org.backproplab.course;
