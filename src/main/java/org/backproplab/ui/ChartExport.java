package org.backproplab.ui;

import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import javafx.geometry.Bounds;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;

import org.backproplab.files.CsvTable;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Export on a chart, in one line: a context menu with "Export as PNG…" (the chart as drawn, at twice its size) and,
 * when the chart has data, "Export data as CSV…". The menu opens with a right click, or from the keyboard with the
 * Menu key or Shift+F10 once the chart has the focus, which Tab gives it: every chart is a stop of the keyboard's
 * way through the window, marked by the {@link #STYLE_CLASS} focus ring.
 */
public final class ChartExport {

    /** Marks a node with an export menu; app.css rings it when focused. */
    public static final String STYLE_CLASS = "exportable";
    static final String PNG_ITEM = "exportPngItem";
    static final String CSV_ITEM = "exportCsvItem";
    private static final String MENU = ChartExport.class.getName();

    private ChartExport() {
    }

    /**
     * Gives a chart its export menu. {@code name} proposes the file name ("mnist-loss"); {@code data} gives the
     * chart's numbers as a table, or is null for a chart that is only a picture.
     */
    public static ContextMenu install(Region chart, ResourceBundle messages, String name, Supplier<CsvTable> data) {
        return install(chart, messages, () -> name, data);
    }

    /** As {@link #install(Region, ResourceBundle, String, Supplier)}, with a name that may change (a lesson's). */
    public static ContextMenu install(Region chart, ResourceBundle messages, Supplier<String> name,
                                      Supplier<CsvTable> data) {
        MenuItem png = item(messages.getString("export.chart.png"), "mdi2f-file-image-outline", PNG_ITEM);
        png.setOnAction(e -> Exports.png(chart, messages, name.get(), () -> Png.snapshot(chart, Png.EXPORT_SCALE)));
        if (data == null) {
            return install(chart, List.of(png));
        }
        MenuItem csv = item(messages.getString("export.chart.csv"), "mdi2f-file-delimited-outline", CSV_ITEM);
        csv.setOnAction(e -> Exports.csv(chart, messages, name.get(), data));
        ContextMenu menu = install(chart, List.of(png, csv));
        menu.setOnShowing(e -> csv.setDisable(data.get().isEmpty())); // nothing to export before the first numbers
        return menu;
    }

    /** Gives any node a context menu of these items, opened by mouse or keyboard, and a place in the Tab order. */
    public static ContextMenu install(Region node, List<MenuItem> items) {
        ContextMenu menu = new ContextMenu(items.toArray(MenuItem[]::new));
        node.getProperties().put(MENU, menu);
        node.setFocusTraversable(true);
        if (!node.getStyleClass().contains(STYLE_CLASS)) {
            node.getStyleClass().add(STYLE_CLASS);
        }
        node.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            // The platform may send this for the Menu key too, after the key handler below has opened the menu.
            if (!menu.isShowing()) {
                show(menu, node, e.isKeyboardTrigger() ? Double.NaN : e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        // Not every platform turns the Menu key or Shift+F10 into a context-menu request (the headless one does not).
        node.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.CONTEXT_MENU || e.getCode() == KeyCode.F10 && e.isShiftDown()) {
                if (!menu.isShowing()) {
                    show(menu, node, Double.NaN, Double.NaN);
                }
                e.consume();
            }
        });
        return menu;
    }

    /** The export menu installed on a node, or null: for File ▸ Export and the tests. */
    public static ContextMenu menuOf(javafx.scene.Node node) {
        return node.getProperties().get(MENU) instanceof ContextMenu m ? m : null;
    }

    /** At the pointer, or (NaN: opened by a key) near the node's top left, where the eye already is. */
    private static void show(ContextMenu menu, Region node, double screenX, double screenY) {
        if (Double.isNaN(screenX)) {
            Bounds b = node.localToScreen(node.getLayoutBounds());
            if (b == null) {
                return;
            }
            screenX = b.getMinX() + Math.min(24, b.getWidth() / 2);
            screenY = b.getMinY() + Math.min(24, b.getHeight() / 2);
        }
        menu.show(node, screenX, screenY);
    }

    /** A menu item with an icon and an id (for the tests). */
    public static MenuItem item(String text, String icon, String id) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setId(id);
        return item;
    }
}
