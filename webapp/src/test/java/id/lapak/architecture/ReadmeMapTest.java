package id.lapak.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's map of the code is true: the module table names exactly the Lapak modules each module's
 * {@code pom.xml} depends on, and every path in "Where things live" exists.
 */
class ReadmeMapTest {

    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern LAPAK_DEPENDENCY = Pattern.compile(
            "<dependency>\\s*(?:<!--.*?-->\\s*)?<groupId>id\\.lapak</groupId>\\s*<artifactId>([^<]+)</artifactId>(.*?)</dependency>",
            Pattern.DOTALL);

    static Path root;
    static String readme;

    @BeforeAll
    static void readReadme() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("README.md")) || !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        readme = Files.readString(root.resolve("README.md"));
    }

    @Test
    void theModuleTableNamesEveryModuleOfTheBuild() throws IOException {
        Set<String> built = new TreeSet<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(root.resolve("pom.xml")));
        while (module.find()) {
            built.add(module.group(1));
        }
        assertThat(moduleTable().keySet()).containsExactlyInAnyOrderElementsOf(built);
    }

    @Test
    void theModuleTableDependenciesAreThePomDependencies() throws IOException {
        for (Map.Entry<String, String> row : moduleTable().entrySet()) {
            String pom = Files.readString(root.resolve(row.getKey()).resolve("pom.xml"));
            Set<String> compile = new TreeSet<>();
            Set<String> testOnly = new TreeSet<>();
            Matcher dependency = LAPAK_DEPENDENCY.matcher(pom);
            while (dependency.find()) {
                (dependency.group(2).contains("<scope>test</scope>") ? testOnly : compile).add(dependency.group(1));
            }
            String column = row.getValue();
            String testPart = column.replaceAll(".*\\(([^()]*in tests only[^()]*)\\).*", "$1");
            boolean hasTestPart = !testPart.equals(column);
            String mainPart = hasTestPart ? column.replace("(" + testPart + ")", "") : column;
            assertThat(modulesNamedIn(mainPart))
                    .as("README 'may depend on' of %s", row.getKey())
                    .containsExactlyInAnyOrderElementsOf(compile);
            assertThat(hasTestPart ? modulesNamedIn(testPart) : Set.of())
                    .as("README test-only dependencies of %s", row.getKey())
                    .containsExactlyInAnyOrderElementsOf(testOnly);
        }
    }

    @Test
    void everyPathInWhereThingsLiveExists() throws IOException {
        String section = readme.substring(readme.indexOf("## Where things live"), readme.indexOf("### Modules"));
        List<String> allPaths;
        try (Stream<Path> walk = Files.walk(root)) {
            allPaths = walk.filter(p -> !isIgnored(root.relativize(p)))
                    .map(p -> root.relativize(p).toString().replace('\\', '/') + (Files.isDirectory(p) ? "/" : ""))
                    .toList();
        }
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String line : section.lines()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| what"))
                .toList()) {
            String[] cells = line.split("\\|");
            String where = cells[cells.length - 1];
            String cellRoot = null;
            Matcher token = BACKTICKED.matcher(where);
            while (token.find()) {
                String path = token.group(1);
                if (path.contains(" ") || !path.contains("/")) {
                    continue;
                }
                if (cellRoot == null && path.contains("/id/lapak/")) {
                    cellRoot = path.substring(0, path.indexOf("/id/lapak/") + "/id/lapak".length());
                }
                for (String expanded : expandBraces(path)) {
                    checked++;
                    String pattern = expanded.startsWith("…/") && cellRoot != null
                            ? Pattern.quote(cellRoot) + "/" + toRegex(expanded.substring(2))
                            : toRegex(expanded);
                    Pattern compiled = Pattern.compile(pattern);
                    if (allPaths.stream()
                            .noneMatch(p -> compiled.matcher(p).matches()
                                    || compiled.matcher(p.endsWith("/") ? p.substring(0, p.length() - 1) : p)
                                            .matches())) {
                        missing.add(expanded + "   (row: " + cells[1].trim() + ")");
                    }
                }
            }
        }
        assertThat(checked).as("paths checked").isGreaterThan(20);
        assertThat(missing)
                .as("paths named in README's 'Where things live' that do not exist")
                .isEmpty();
    }

    private static Map<String, String> moduleTable() {
        String section = readme.substring(readme.indexOf("### Modules"));
        section = section.substring(0, section.indexOf("\n\n", section.indexOf("| module")));
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : section.lines().filter(l -> l.startsWith("| `")).toList()) {
            String[] cells = line.split("\\|");
            Matcher name = BACKTICKED.matcher(cells[1]);
            assertThat(name.find()).isTrue();
            rows.put(name.group(1), cells[3]);
        }
        return rows;
    }

    private static Set<String> modulesNamedIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher name = BACKTICKED.matcher(text);
        while (name.find()) {
            if (name.group(1).matches("[a-z-]+") && Files.isDirectory(root.resolve(name.group(1)))) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    private static boolean isIgnored(Path relative) {
        String first = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
        return first.startsWith(".")
                || relative.toString().contains("/target")
                || first.equals("target")
                || first.equals("node_modules");
    }

    static List<String> expandBraces(String path) {
        int open = path.indexOf('{');
        if (open < 0) {
            return List.of(path);
        }
        int close = path.indexOf('}', open);
        List<String> out = new ArrayList<>();
        for (String option : path.substring(open + 1, close).split(",", -1)) {
            String joined = path.substring(0, open) + option + path.substring(close + 1);
            out.addAll(expandBraces(joined.replace("//", "/")));
        }
        return out;
    }

    private static String toRegex(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return Stream.of(trimmed.split("…", -1)).map(Pattern::quote).collect(Collectors.joining(".*")) + "/?";
    }
}
