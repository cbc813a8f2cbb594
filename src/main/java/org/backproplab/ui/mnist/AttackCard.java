package org.backproplab.ui.mnist;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;

import org.backproplab.engine.Numbers;
import org.backproplab.nn.Model;
import org.backproplab.ui.Format;
import org.backproplab.ui.ViewListeners;

/**
 * The Digits view's FGSM card: ε on a slider (0 to 0.3), Attack, and the selected test digit before and after one
 * signed step along its ∂loss/∂input, each with the model's ten probabilities and its prediction. Once attacked, the
 * card follows the digit selected, the slider and the model (the numbers are {@link MnistTabModel#attackProperty()}'s).
 */
final class AttackCard {

    /** The nodes of the card, from mnist-tab.fxml. */
    record Nodes(Slider slider, Label epsilon, Button attack, ImageView original, Label originalCaption,
                 ProbabilityBars before, ImageView adversarial, Label adversarialCaption, ProbabilityBars after,
                 Label note) {
    }

    private final MnistTabModel model;
    private final ResourceBundle resources;
    private final Nodes n;

    AttackCard(MnistTabModel model, ResourceBundle resources, Nodes nodes, ViewListeners listeners) {
        this.model = model;
        this.resources = resources;
        this.n = nodes;
        n.attack().setOnAction(e -> model.attack(epsilon()));
        n.attack().disableProperty().bind(model.hasModelProperty().not());
        n.slider().valueProperty().addListener((o, was, is) -> {
            n.epsilon().setText(Numbers.significant(epsilon(), 2));
            if (model.attackProperty().get() != null && !n.slider().isValueChanging()) {
                model.attack(epsilon());
            }
        });
        n.slider().valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing && model.attackProperty().get() != null) {
                model.attack(epsilon());
            }
        });
        n.epsilon().setText(Numbers.significant(epsilon(), 2));
        listeners.watch(List.of(model.attackProperty(), model.hasModelProperty()), this::show);
        show();
    }

    /** The slider's ε to two decimals, as a teacher would say it. */
    private double epsilon() {
        return Math.round(n.slider().getValue() * 100) / 100.0;
    }

    private void show() {
        MnistTabModel.Attack a = model.attackProperty().get();
        if (a == null) {
            n.original().setImage(null);
            n.adversarial().setImage(null);
            n.before().show(null);
            n.after().show(null);
            n.originalCaption().setText("");
            n.adversarialCaption().setText("");
            n.note().setText(resources.getString(model.hasModelProperty().get() ? "mnist.fgsm.ready"
                    : "mnist.fgsm.noModel"));
            return;
        }
        n.original().setImage(PixelImages.image(ColorMap.inkImage(model.testPixels(a.index())), 28, 1));
        n.adversarial().setImage(PixelImages.image(ColorMap.inkImage(a.adversarial()), 28, 1));
        n.before().show(a.before());
        n.after().show(a.after());
        int was = Model.predicted(a.before());
        int now = Model.predicted(a.after());
        n.originalCaption().setText(MessageFormat.format(resources.getString("mnist.fgsm.original"), was,
                Format.percent(a.before()[was], 1)));
        n.adversarialCaption().setText(MessageFormat.format(resources.getString("mnist.fgsm.adversarial"), now,
                Format.percent(a.after()[now], 1), Numbers.significant(a.epsilon(), 2)));
        int label = model.testLabel(a.index());
        n.note().setText(MessageFormat.format(resources.getString(now == was ? "mnist.fgsm.held" : "mnist.fgsm.flipped"),
                label, was, now, Numbers.significant(a.maxPixelChange(), 2)));
    }
}
