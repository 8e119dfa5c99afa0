package id.lapak.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Classes stay under 400 lines and methods under 60. The ones above today are listed here with their size, as debt
 * to pay down (README, "Tests"): a listed one may shrink but not grow, one that falls under the limit must leave
 * the list, and a class or method that is not listed may not pass the limit.
 */
class SizeLimitsTest {

    static final int CLASS_LINES = 400;
    static final int METHOD_LINES = 60;

    /** File (from the repository root) → its lines today. */
    static final Map<String, Integer> LARGE_CLASSES = Map.of();

    /** File#method → its lines today (SQL text blocks count as lines). */
    static final Map<String, Integer> LONG_METHODS = Map.of();

    private static final Pattern METHOD =
            Pattern.compile("^    (?:(?:public|private|protected|static|final|synchronized"
                    + "|abstract|default)\\s+)*(?:<[^>]+>\\s+)?[\\w<>\\[\\],.? ]+\\s+(\\w+)\\s*\\(");
    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

    @Test
    void classesAndMethodsStayWithinTheLimitsOrTheListedDebtWithoutGrowing() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Map<String, Integer> classes = new TreeMap<>();
        Map<String, Integer> methods = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = root.relativize(file).toString();
                if (!name.contains("/src/main/java/") || name.contains("/target/") || name.startsWith(".")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                if (lines.size() > CLASS_LINES) {
                    classes.put(name, lines.size());
                }
                methods(lines).forEach((method, length) -> {
                    if (length > METHOD_LINES) {
                        methods.put(name + "#" + method, length);
                    }
                });
            }
        }
        List<String> problems = new ArrayList<>();
        check(classes, new TreeMap<>(LARGE_CLASSES), CLASS_LINES, "class", problems);
        check(methods, new TreeMap<>(LONG_METHODS), METHOD_LINES, "method", problems);
        assertThat(problems)
                .as("size limits (%d lines a class, %d a method)", CLASS_LINES, METHOD_LINES)
                .isEmpty();
    }

    private static void check(
            Map<String, Integer> found, Map<String, Integer> listed, int limit, String what, List<String> problems) {
        found.forEach((name, lines) -> {
            Integer allowed = listed.get(name);
            if (allowed == null) {
                problems.add("new " + what + " over " + limit + " lines: " + name + " (" + lines + ")");
            } else if (lines > allowed) {
                problems.add(what + " grew past its listed size: " + name + " (" + lines + " > " + allowed + ")");
            }
        });
        listed.keySet().stream()
                .filter(name -> !found.containsKey(name))
                .forEach(name -> problems.add("within the limit now, take it off the list: " + name));
    }

    /** Method (or constructor, or nested type declared like one) → its lines, from its signature to its brace. */
    static Map<String, Integer> methods(List<String> lines) {
        Map<String, Integer> methods = new TreeMap<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher m = METHOD.matcher(line);
            String before = line.split("\\(", 2)[0];
            String trimmed = line.strip();
            if (m.find()
                    && !before.contains("=")
                    && !trimmed.startsWith("return")
                    && !trimmed.startsWith("new ")
                    && !trimmed.startsWith("if")
                    && !trimmed.startsWith("for")
                    && !trimmed.startsWith("while")) {
                int depth = 0;
                boolean started = false;
                int j = i;
                for (; j < lines.size(); j++) {
                    String text = STRING.matcher(lines.get(j)).replaceAll("\"\"");
                    for (char c : text.toCharArray()) {
                        if (c == '{') {
                            depth++;
                            started = true;
                        } else if (c == '}') {
                            depth--;
                        }
                    }
                    if (started && depth == 0) {
                        break;
                    }
                    if (!started && text.stripTrailing().endsWith(";")) {
                        break;
                    }
                }
                if (started) {
                    methods.merge(m.group(1), j - i + 1, Math::max);
                    i = j + 1;
                    continue;
                }
            }
            i++;
        }
        return methods;
    }
}
