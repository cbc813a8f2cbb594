package org.backproplab.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;

import org.backproplab.stepper.ShippedLessons;
import org.backproplab.stepper.StepGraph;
import org.backproplab.stepper.Stepper;
import org.backproplab.stepper.Texts;
import org.backproplab.lesson.LessonException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.backproplab.nn.OptimizerKind;

/** The graph as SVG: well-formed XML, a card per node and an arrow per edge, the numbers of the frame, escaped text. */
class GraphSvgTest {

    private static final GraphSvg.Labels LABELS = new GraphSvg.Labels("value", "value {0}", "param", "const");

    @Test
    void everyShippedLessonIsWellFormedWithACardPerNodeAndAnArrowPerEdge() throws Exception {
        for (String name : ShippedLessons.NAMES) {
            Stepper s = Steppers.shipped(name);
            s.finishPhase();
            for (int i = 0; i < 3; i++) {
                s.step(); // into the backward pass: some gradients known, some not
            }
            StepGraph g = s.graph();
            GraphLayout.Result layout = GraphLayout.layout(g, CardSize::of);
            Document svg = parse(GraphSvg.svg(g, layout, s.frame(), LABELS, name));
            assertEquals("svg", svg.getDocumentElement().getLocalName(), name);
            assertEquals(g.size(), groups(svg, "node").size(), name + ": cards");
            assertEquals(g.edges().size(), groups(svg, "edge").size(), name + ": edges");
            List<String> texts = texts(svg);
            for (StepGraph.Node n : g.nodes()) {
                assertTrue(texts.contains(n.name()), name + ": no label " + n.name() + " in " + texts);
            }
            for (Element edge : groups(svg, "edge")) {
                assertEquals(1, edge.getElementsByTagName("polyline").getLength());
                assertEquals(1, edge.getElementsByTagName("polygon").getLength(), "an arrow head");
            }
        }
    }

    @Test
    void aBatchOfDigitsIsExportedAsThePicturesTheWindowDraws() throws Exception {
        org.backproplab.nn.Sequential net = org.backproplab.nn.TrainingConfig.kerasClassic().buildNetwork();
        org.backproplab.lesson.NetworkLesson.Batch batch = org.backproplab.lesson.NetworkLesson.batch("b", "b",
                org.backproplab.lesson.NetworkLesson.layersOf(net), (org.backproplab.nn.Activation) net.modules().get(1),
                0, 8, org.backproplab.nn.TrainingConfig.kerasClassic());
        Stepper s = new Stepper(org.backproplab.lesson.Lesson.compile(batch.text(), "b.bp", batch.data()),
                OptimizerKind.ADAM, 0.01);
        s.finishPhase();
        s.finishPhase(); // every value and gradient known
        StepGraph g = s.graph();
        String text = GraphSvg.svg(g, GraphLayout.layout(g, CardSize::of), s.frame(), LABELS, "batch");
        Document svg = parse(text);
        NodeList images = svg.getElementsByTagNameNS("*", "image");
        assertEquals(2 * (8 + 10), images.getLength(), "x's eight digits and W1's ten units, value and gradient");
        String first = ((Element) images.item(0)).getAttribute("href");
        assertTrue(first.startsWith("data:image/png;base64,"), first.substring(0, 30));
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new ByteArrayInputStream(
                java.util.Base64.getDecoder().decode(first.substring(first.indexOf(',') + 1))));
        assertEquals(28, png.getWidth());
        assertEquals(28, png.getHeight());
        assertTrue(text.length() < 400_000, "a picture is a small PNG, not 784 rectangles: " + text.length());
    }

    @Test
    void cardsShowTheFramesNumbersAndMarkTheParams() throws Exception {
        Stepper s = Steppers.shipped("02_sigmoid_neuron");
        s.finishPhase();
        s.finishPhase(); // backward done: every gradient known
        StepGraph g = s.graph();
        Document svg = parse(GraphSvg.svg(g, GraphLayout.layout(g, CardSize::of), s.frame(), LABELS, "neuron"));
        List<String> texts = texts(svg);
        for (StepGraph.Node n : g.nodes()) {
            if (n.isScalar()) {
                assertTrue(texts.contains(Texts.number(s.frame().value(n.index()).item())), n.name() + "'s value");
                assertTrue(texts.contains(Texts.number(s.frame().gradient(n.index()).item())), n.name() + "'s gradient");
            }
        }
        long params = groups(svg, "node").stream().filter(e -> e.getAttribute("class").contains("param")).count();
        assertEquals(g.parameters().size(), params);
        assertTrue(params > 0 && texts.contains("param"), "params are marked");
        assertTrue(texts.contains(Texts.partial(g.node(g.output()).name(), g.node(0).name())), "the gradient's key");
    }

    @Test
    void beforeAnyStepEveryNumberIsADash() throws LessonException, Exception {
        Stepper s = Steppers.shipped("01_circuit");
        StepGraph g = s.graph();
        Document svg = parse(GraphSvg.svg(g, GraphLayout.layout(g, CardSize::of), null, LABELS, "circuit"));
        assertEquals(2L * g.size(), texts(svg).stream().filter("—"::equals).count());
    }

    @Test
    void specialCharactersAreEscapedAndReadBack() throws Exception {
        Stepper s = Steppers.shipped("03_two_layer_network");
        StepGraph g = s.graph();
        GraphSvg.Labels odd = new GraphSvg.Labels("v<1> & \"so\"", "M {0} <&>", "p'&'", "c<");
        String text = GraphSvg.svg(g, GraphLayout.layout(g, CardSize::of), s.frame(), odd, "a<b> & c.bp");
        Document svg = parse(text);
        assertEquals("a<b> & c.bp", svg.getElementsByTagName("title").item(0).getTextContent());
        assertTrue(text.contains("a&lt;b&gt; &amp; c.bp"));
        List<String> texts = texts(svg);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("M [") && t.endsWith("] <&>")), "a matrix caption");
        assertTrue(texts.contains("p'&'"), "the param chip");
    }

    @Test
    void aMatrixBiggerThan4x4IsTwoHeatMaps() throws Exception {
        String row = "[1, -2, 3, -4, 5, -6]";
        String lesson = "param W = [" + String.join(", ", java.util.Collections.nCopies(5, row)) + "]\n"
                + "loss L = sum(W * W)\n";
        Stepper s = new Stepper(org.backproplab.lesson.Lesson.compile(lesson, "big.bp"), OptimizerKind.SGD, 0.1);
        s.finishPhase();
        s.finishPhase();
        StepGraph g = s.graph();
        Document svg = parse(GraphSvg.svg(g, GraphLayout.layout(g, CardSize::of), s.frame(), LABELS, "big"));
        Element w = groups(svg, "node").stream().filter(e -> e.getAttribute("class").contains("param")).findFirst()
                .orElseThrow();
        assertEquals(2 + 2 * 30, w.getElementsByTagName("rect").getLength(), "the card, its chip, 5×6 cells twice");
    }

    @Test
    void coordinatesUseAPointInAnyLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("12.5", GraphSvg.num(12.5));
            assertEquals("3", GraphSvg.num(3.0001));
            assertEquals("0", GraphSvg.num(-0.001));
            assertEquals("-7.25", GraphSvg.num(-7.25));
        } finally {
            Locale.setDefault(before);
        }
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> groups(Document svg, String kind) {
        List<Element> out = new ArrayList<>();
        NodeList gs = svg.getElementsByTagName("g");
        for (int i = 0; i < gs.getLength(); i++) {
            Element e = (Element) gs.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(kind)) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<String> texts(Document svg) {
        List<String> out = new ArrayList<>();
        NodeList ts = svg.getElementsByTagName("text");
        for (int i = 0; i < ts.getLength(); i++) {
            out.add(ts.item(i).getTextContent());
        }
        return out;
    }
}
