package dev.benchwatch.ui.alarms;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The red strip the main window puts at the top: "N critical alarm(s) unacknowledged — name" while any
 * CRITICAL alarm fires unacknowledged ({@link EventLogViewModel#criticalUnacknowledgedProperty()}); hidden and
 * taking no space otherwise. "Acknowledge all" acknowledges every such alarm; "Show alarms" runs
 * {@link #onShowAlarmsProperty()} (the window switches to the alarm log) and is shown only when that is set.
 *
 * <p>Style class {@code alarm-banner}; its red background and white text are set in code (a theme stylesheet
 * overrides them). Ids: {@code #alarmBanner}, {@code #alarmBannerText}, {@code #bannerAckAllButton},
 * {@code #bannerShowButton}.
 */
public final class AlarmBanner extends StackPane { // one child, laid out to fill it
    static final Color BACKGROUND = Color.web("#b3261e");

    private final HBox content;
    private final Label text = new Label();
    private final Button ackAll = new Button("Acknowledge all");
    private final Button show = new Button("Show alarms");
    private final ObjectProperty<Runnable> onShowAlarms = new SimpleObjectProperty<>(this, "onShowAlarms");

    public AlarmBanner(EventLogViewModel model) {
        setId("alarmBanner");
        getStyleClass().add("alarm-banner");
        setBackground(new Background(new BackgroundFill(BACKGROUND, null, null)));

        // drawn, not a Label: a theme's label text colour must not make the mark white on white
        Text bang = new Text("!");
        bang.setFill(BACKGROUND);
        bang.setFont(Font.font(null, FontWeight.BOLD, 14));
        StackPane mark = new StackPane(new Circle(10, Color.WHITE), bang);
        mark.getStyleClass().add("alarm-banner-mark");
        mark.setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);

        text.setId("alarmBannerText");
        text.getStyleClass().add("alarm-banner-text");
        text.setTextFill(Color.WHITE);
        text.setFont(Font.font(null, FontWeight.BOLD, Font.getDefault().getSize() + 1));
        text.textProperty().bind(model.criticalMessageProperty());
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);

        ackAll.setId("bannerAckAllButton");
        ackAll.setOnAction(e -> model.acknowledgeAllCritical());
        ackAll.setMinWidth(Region.USE_PREF_SIZE);
        show.setId("bannerShowButton");
        show.setMinWidth(Region.USE_PREF_SIZE);
        show.visibleProperty().bind(onShowAlarms.isNotNull());
        show.managedProperty().bind(show.visibleProperty());
        show.setOnAction(e -> {
            Runnable action = onShowAlarms.get();
            if (action != null) {
                action.run();
            }
        });

        content = new HBox(10, mark, text, show, ackAll);
        content.setAlignment(Pos.CENTER_LEFT);
        content.setPadding(new Insets(6, 10, 6, 10));
        setAlignment(Pos.CENTER_LEFT);
        getChildren().add(content);

        visibleProperty().bind(model.criticalUnacknowledgedProperty());
        managedProperty().bind(visibleProperty());
    }

    /** What "Show alarms" does (e.g. select the alarm tab); the button is hidden while this is null. */
    public ObjectProperty<Runnable> onShowAlarmsProperty() {
        return onShowAlarms;
    }

    public void setOnShowAlarms(Runnable action) {
        onShowAlarms.set(action);
    }
}
