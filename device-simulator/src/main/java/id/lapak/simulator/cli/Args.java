package id.lapak.simulator.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value}, {@code --name=value} and {@code --flag}; anything else is a usage error. */
final class Args {

    private final Map<String, String> values;
    private final Set<String> flags;

    private Args(Map<String, String> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    static Args parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
        var values = new HashMap<String, String>();
        var flags = new HashSet<String>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String inlineValue = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                inlineValue = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (flagOptions.contains(name)) {
                if (inlineValue != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                flags.add(name);
            } else if (valueOptions.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (values.put(name, value) != null) {
                    throw new UsageException("--" + name + " given twice");
                }
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return new Args(values, flags);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String require(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    int integer(String name, int fallback, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + value + "'");
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }
}
