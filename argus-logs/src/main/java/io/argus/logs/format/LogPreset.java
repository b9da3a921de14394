package io.argus.logs.format;

import io.argus.logs.drain.DrainConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A data set's log format and Drain settings as loghub's parser benchmark publishes them.
 *
 * <p>Source: {@code logpai/logparser}, {@code benchmark/Drain_benchmark.py} ({@code benchmark_settings}),
 * the settings behind the Drain row of loghub-2k accuracies in {@code logparser/Drain/README.md}
 * (HDFS 0.9975, BGL 0.9625):
 * <ul>
 * <li>{@code hdfs}: format {@code <Date> <Time> <Pid> <Level> <Component>: <Content>}, masks
 *     {@code blk_-?\d+} and {@code (\d+\.){3}\d+(:\d+)?}, st 0.5, depth 4;</li>
 * <li>{@code bgl}: format {@code <Label> <Timestamp> <Date> <Node> <Time> <NodeRepeat> <Type> <Component>
 *     <Level> <Content>}, mask {@code core\.\d+}, st 0.5, depth 4.</li>
 * </ul>
 * maxChild is Drain.py's default 100 in both.
 *
 * @param name the preset name
 * @param format the log format
 * @param drain the Drain settings
 */
public record LogPreset(String name, LogFormat format, DrainConfig drain) {

    /** HDFS (loghub HDFS_v1). */
    public static final LogPreset HDFS = new LogPreset("hdfs", LogFormat.of("<Date> <Time> <Pid> <Level> <Component>: <Content>"),
            new DrainConfig(4, 0.5, DrainConfig.MAX_CHILDREN_DEFAULT, 0, List.of("blk_-?\\d+", "(\\d+\\.){3}\\d+(:\\d+)?")));

    /** BGL (loghub BGL, BlueGene/L). */
    public static final LogPreset BGL = new LogPreset("bgl",
            LogFormat.of("<Label> <Timestamp> <Date> <Node> <Time> <NodeRepeat> <Type> <Component> <Level> <Content>"),
            new DrainConfig(4, 0.5, DrainConfig.MAX_CHILDREN_DEFAULT, 0, List.of("core\\.\\d+")));

    private static final Map<String, LogPreset> ALL = Map.of(HDFS.name, HDFS, BGL.name, BGL);

    public LogPreset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(drain, "drain");
    }

    /**
     * The preset of that name (case-insensitive).
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static LogPreset of(String name) {
        LogPreset p = ALL.get(name.toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new IllegalArgumentException("unknown log preset '" + name + "'; known presets: bgl, hdfs");
        }
        return p;
    }
}
