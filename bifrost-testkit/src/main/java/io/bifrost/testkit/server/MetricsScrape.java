package io.bifrost.testkit.server;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code GET /metrics} answer ([SAPI-320]) in the Prometheus text exposition format 0.0.4: each family's
 * {@code # TYPE} and every sample, for assertions on a running server's figures:
 *
 * <pre>{@code
 * MetricsScrape before = MetricsScrape.parse(scrapeText());
 * ... traffic ...
 * MetricsScrape after = MetricsScrape.parse(scrapeText());
 * assertThat(after.valueOrZero("bifrost_requests_total", "protocol", "http", "method", "GET", "status", "200")
 *         - before.valueOrZero("bifrost_requests_total", "protocol", "http", "method", "GET", "status", "200"))
 *         .isEqualTo(1);
 * }</pre>
 *
 * Label values are kept as written (escapes not undone). Immutable.
 *
 * @param types family name to type ({@code counter}, {@code gauge}, {@code histogram}, ...)
 * @param samples every sample line, in order
 */
public record MetricsScrape(Map<String, String> types, List<Sample> samples) {
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    public MetricsScrape {
        types = Map.copyOf(types);
        samples = List.copyOf(samples);
    }

    /**
     * Parses the text of a scrape.
     *
     * @throws IllegalArgumentException naming the line when a line is neither a comment nor a sample
     */
    public static MetricsScrape parse(String text) {
        Map<String, String> types = new HashMap<>();
        List<Sample> samples = new ArrayList<>();
        for (String line : requireNonNull(text, "text").split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                types.put(parts[2], parts[3]);
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                samples.add(sample(line));
            }
        }
        return new MetricsScrape(types, samples);
    }

    private static Sample sample(String line) {
        Matcher m = SAMPLE.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a sample line: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (m.group(3) != null) {
            Matcher l = LABEL.matcher(m.group(3));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
        }
        return new Sample(m.group(1), labels, Double.parseDouble(m.group(4)));
    }

    /** The value of the one sample with this name and exactly these labels ({@code name, value, name, value...}). */
    public Optional<Double> value(String name, String... labelPairs) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            wanted.put(labelPairs[i], labelPairs[i + 1]);
        }
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(wanted))
                .map(Sample::value).findFirst();
    }

    /** The value, or 0 when the series does not exist (yet): counters are created on first use. */
    public double valueOrZero(String name, String... labelPairs) {
        return value(name, labelPairs).orElse(0.0);
    }

    /** The label names the samples of {@code name} carry (all of them together). */
    public Set<String> labelNames(String name) {
        Set<String> names = new TreeSet<>();
        samples.stream().filter(s -> s.name().equals(name)).forEach(s -> names.addAll(s.labels().keySet()));
        return names;
    }

    /** Whether there is at least one sample named {@code name}. */
    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** One sample line: the sample name (with {@code _bucket}, {@code _sum}... suffixes), its labels, its value. */
    public record Sample(String name, Map<String, String> labels, double value) {}
}
