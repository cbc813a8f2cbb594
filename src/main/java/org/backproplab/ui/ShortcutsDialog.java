package org.backproplab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;


/**
 * Help ▸ Keyboard shortcuts (F1): the keys of every view, all from the bundle. The sections are "window" (keys that
 * work everywhere), then one per tab of the main window, named by the tab's fx:id without "Tab" ({@code stepperTab}
 * → "stepper"), so that a tab added later only adds its keys to the bundles. Section {@code s} has the title
 * {@code shortcuts.s} and the entries {@code shortcuts.s.1}, {@code shortcuts.s.2}, …, each "keys|what they do";
 * a tab with no keys in the bundle has no section.
 */
final class ShortcutsDialog {

    static final String ID = "shortcuts-dialog";

    private ShortcutsDialog() {
    }

    /** One line of the sheet. */
    record Shortcut(String keys, String action) {
    }

    /** One view's shortcuts. */
    record Section(String title, List<Shortcut> shortcuts) {
    }

    /** The sheet as the bundle has it. */
    static List<Section> sections(ResourceBundle messages, List<String> names) {
        List<Section> sections = new ArrayList<>();
        for (String name : names) {
            String section = "shortcuts." + name;
            if (!messages.containsKey(section)) {
                continue;
            }
            List<Shortcut> shortcuts = new ArrayList<>();
            for (int i = 1; messages.containsKey(section + "." + i); i++) {
                String[] entry = messages.getString(section + "." + i).split("\\|", 2);
                shortcuts.add(new Shortcut(entry[0].trim(), entry.length > 1 ? entry[1].trim() : ""));
            }
            sections.add(new Section(messages.getString(section), shortcuts));
        }
        return sections;
    }

    /** Shows the sheet in the window's theme and zoom. */
    static void show(Window owner, ResourceBundle messages, List<String> names) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.SHORTCUTS);
        int row = 0;
        for (Section section : sections(messages, names)) {
            Label title = new Label(section.title());
            title.getStyleClass().add(Styles.SHORTCUTS_SECTION);
            grid.add(title, 0, row++, 2, 1);
            for (Shortcut s : section.shortcuts()) {
                Label keys = new Label(s.keys());
                keys.getStyleClass().add(Styles.SHORTCUTS_KEYS);
                keys.setMinWidth(Region.USE_PREF_SIZE); // keys are never cut short; the action wraps instead
                Label action = new Label(s.action());
                action.setWrapText(true);
                grid.add(keys, 0, row);
                grid.add(action, 1, row++);
            }
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(520);
        scroll.setPrefViewportWidth(560);

        SheetDialog.of(owner, messages, "shortcuts", "mdi2k-keyboard-outline", scroll, ID).showAndWait();
    }
}
