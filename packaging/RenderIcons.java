import dev.benchwatch.ui.PngWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.transform.Scale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * Renders assets/icons/benchwatch.svg into the PNGs a Linux desktop needs (16 to 512 px), a Windows .ico and a
 * macOS .icns, with JavaFX shapes: this machine has no SVG renderer (no rsvg-convert, Inkscape or ImageMagick),
 * and the app already ships JavaFX. It understands only what the icon uses: {@code rect} and {@code path} with
 * fill, stroke, stroke width, caps and joins. Run it after changing the SVG (it needs a display):
 *
 * <pre>xvfb-run -a java -cp 'target/benchwatch.jar:target/lib/*' packaging/RenderIcons.java assets/icons/benchwatch.svg assets/icons</pre>
 */
public final class RenderIcons {
    static final int[] PNG_SIZES = {16, 32, 48, 64, 128, 256, 512};

    public static void main(String[] args) throws Exception {
        Path svg = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        Platform.startup(() -> { });
        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        for (int size : PNG_SIZES) {
            Path file = dir.resolve("benchwatch-" + size + ".png");
            CompletableFuture<Void> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    PngWriter.write(render(svg, size), file);
                    done.complete(null);
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
            });
            done.get();
            pngs.put(size, Files.readAllBytes(file));
            System.out.println("wrote " + file);
        }
        Files.write(dir.resolve("benchwatch.ico"), ico(pngs, 16, 32, 48, 64, 128, 256));
        Files.write(dir.resolve("benchwatch.icns"), icns(pngs));
        System.out.println("wrote " + dir.resolve("benchwatch.ico") + " and " + dir.resolve("benchwatch.icns"));
        Platform.exit();
    }

    /** The SVG drawn at {@code size} x {@code size} pixels on a transparent background. FX thread. */
    static WritableImage render(Path svg, int size) throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        Element root = document.getDocumentElement();
        double viewSize = Double.parseDouble(root.getAttribute("width"));
        Group group = new Group();
        var children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element) {
                group.getChildren().add(shape(element));
            }
        }
        group.getTransforms().add(new Scale(size / viewSize, size / viewSize));
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.TRANSPARENT);
        parameters.setViewport(new javafx.geometry.Rectangle2D(0, 0, size, size));
        return new Group(group).snapshot(parameters, new WritableImage(size, size));
    }

    private static Node shape(Element element) {
        Shape shape = switch (element.getTagName()) {
            case "rect" -> {
                Rectangle rect = new Rectangle(number(element, "x"), number(element, "y"), number(element, "width"),
                        number(element, "height"));
                rect.setArcWidth(2 * number(element, "rx"));
                rect.setArcHeight(2 * number(element, "rx"));
                yield rect;
            }
            case "path" -> {
                SVGPath path = new SVGPath();
                path.setContent(element.getAttribute("d"));
                yield path;
            }
            default -> throw new IllegalArgumentException("unsupported SVG element " + element.getTagName());
        };
        String fill = element.getAttribute("fill");
        shape.setFill(fill.isEmpty() || fill.equals("none") ? null : Color.web(fill));
        String stroke = element.getAttribute("stroke");
        if (!stroke.isEmpty() && !stroke.equals("none")) {
            shape.setStroke(Color.web(stroke));
            shape.setStrokeWidth(number(element, "stroke-width"));
            shape.setStrokeLineCap("round".equals(element.getAttribute("stroke-linecap")) ? StrokeLineCap.ROUND
                    : StrokeLineCap.BUTT);
            shape.setStrokeLineJoin("round".equals(element.getAttribute("stroke-linejoin")) ? StrokeLineJoin.ROUND
                    : StrokeLineJoin.MITER);
        }
        return shape;
    }

    private static double number(Element element, String attribute) {
        String text = element.getAttribute(attribute);
        return text.isEmpty() ? 0 : Double.parseDouble(text);
    }

    /** A Windows icon whose images are PNGs (allowed since Windows Vista). */
    static byte[] ico(Map<Integer, byte[]> pngs, int... sizes) {
        int offset = 6 + 16 * sizes.length;
        ByteBuffer header = ByteBuffer.allocate(offset).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        for (int size : sizes) {
            byte[] png = pngs.get(size);
            header.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)).put((byte) 0).put((byte) 0);
            header.putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(offset + images.size());
            images.writeBytes(png);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(header.array());
        file.writeBytes(images.toByteArray());
        return file.toByteArray();
    }

    /** A macOS icon family whose images are PNGs (icp4 16 px, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512). */
    static byte[] icns(Map<Integer, byte[]> pngs) throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        List<byte[]> entries = new ArrayList<>();
        int total = 8;
        for (var type : types.entrySet()) {
            byte[] png = pngs.get(type.getValue());
            ByteBuffer entry = ByteBuffer.allocate(8 + png.length).order(ByteOrder.BIG_ENDIAN);
            entry.put(type.getKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(8 + png.length).put(png);
            entries.add(entry.array());
            total += entry.capacity();
        }
        ByteBuffer file = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
        file.put("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(total);
        entries.forEach(file::put);
        return file.array();
    }
}
