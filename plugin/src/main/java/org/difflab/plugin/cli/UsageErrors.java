package org.difflab.plugin.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.difflab.dsl.spec.Closest;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * picocli's usage errors in DiffLab's words: the option or command named as typed, what is allowed, and the closest
 * valid option, command or value ("did you mean"). An unknown option is reported before a missing one, since a
 * mistyped {@code -n} is what leaves {@code --n} missing.
 */
final class UsageErrors {
    private static final Pattern NOT_A_NUMBER = Pattern.compile("Invalid value for option '([^']+)': '(.*)' is not an? (\\w+)",
            Pattern.DOTALL);
    private static final Pattern NOT_ONE_OF = Pattern.compile("Invalid value for (?:option '([^']+)'|positional parameter at index \\d+ "
            + "\\((\\w+)\\)): expected one of \\[(.*)\\] \\(case-sensitive\\) but was '(.*)'", Pattern.DOTALL);

    /** An exclusive group's option given twice, or two of its options: picocli names each match as {--name=value}. */
    private static final Pattern GROUP_TWICE = Pattern.compile("\\{(--[\\w-]+)");

    private UsageErrors() {}

    /** The message for {@code ex}, raised while parsing {@code args} (the whole command line, subcommand included). */
    static String message(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String unknown = unknownOption(cmd.getCommandSpec(), args);
        if (unknown != null) {
            return unknown;
        }
        if (ex instanceof UnmatchedArgumentException u) {
            return unmatched(cmd.getCommandSpec(), u.getUnmatched());
        }
        if (ex instanceof MissingParameterException m) {
            return missing(m);
        }
        if (ex instanceof OverwrittenOptionException o) {
            return name(o.getOverwritten()) + " is given more than once: give it once";
        }
        String text = ex.getMessage() == null ? "" : ex.getMessage();
        Matcher group = GROUP_TWICE.matcher(text);
        if (text.startsWith("Error: expected only one match") && group.find()) {
            String first = group.group(1);
            String second = group.find() ? group.group(1) : first;
            return first.equals(second) ? first + " is given more than once: give it once"
                    : first + " and " + second + " are given together: give at most one of them";
        }
        Matcher number = NOT_A_NUMBER.matcher(text);
        if (number.matches()) {
            String kind = switch (number.group(3)) {
                case "int" -> "a whole number from -2147483648 to 2147483647";
                case "long" -> "a whole number from -9223372036854775808 to 9223372036854775807";
                case "double", "float" -> "a number";
                default -> "a " + number.group(3);
            };
            return number.group(1) + " = " + number.group(2) + " is not allowed: must be " + kind;
        }
        Matcher oneOf = NOT_ONE_OF.matcher(text);
        if (oneOf.matches()) {
            String option = oneOf.group(1) != null ? oneOf.group(1) : oneOf.group(2);
            List<String> allowed = Arrays.asList(oneOf.group(3).split(", "));
            return option + " = " + oneOf.group(4) + " is not allowed: must be one of " + String.join(", ", allowed)
                    + Closest.suggestion(oneOf.group(4), allowed);
        }
        return text;
    }

    private static String unmatched(CommandSpec spec, List<String> unmatched) {
        String first = unmatched.isEmpty() ? "" : unmatched.get(0);
        String where = spec.qualifiedName();
        if (first.startsWith("-")) {
            return "unknown option '" + first + "' for '" + where + "'" + Closest.suggestion(first, optionNames(spec));
        }
        if (!spec.subcommands().isEmpty()) {
            return "unknown command '" + first + "': use one of " + String.join(", ", commandNames(spec))
                    + Closest.suggestion(first, commandNames(spec));
        }
        return "unexpected argument" + (unmatched.size() > 1 ? "s" : "") + " '" + String.join(" ", unmatched) + "' for '" + where
                + "': it takes options only" + (spec.positionalParameters().isEmpty() ? "" : " and " + spec.positionalParameters().size()
                + " word" + (spec.positionalParameters().size() > 1 ? "s" : ""));
    }

    private static String missing(MissingParameterException m) {
        List<String> names = new ArrayList<>();
        for (ArgSpec a : m.getMissing()) {
            names.add(name(a) + (a.description().length > 0 ? " (" + a.description()[0] + ")" : ""));
        }
        String text = m.getMessage() == null ? "" : m.getMessage();
        if (text.startsWith("Missing required parameter for option")) {
            ArgSpec a = m.getMissing().get(0);
            return name(a) + " needs a value " + a.paramLabel() + (a.description().length > 0 ? " (" + a.description()[0] + ")" : "");
        }
        return "missing " + (names.size() > 1 ? "options " : "option ") + String.join("; ", names);
    }

    /** The first word of {@code args} after the subcommand that looks like an option and is none of its options. */
    private static String unknownOption(CommandSpec spec, String[] args) {
        List<String> names = optionNames(spec);
        boolean started = spec.parent() == null;
        boolean takesValue = false;
        for (String a : args) {
            if (!started) {
                started = a.equals(spec.name()) || Arrays.asList(spec.aliases()).contains(a);
                continue;
            }
            if (takesValue) {
                takesValue = false;
                continue;
            }
            String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            OptionSpec o = spec.optionsMap().get(option);
            if (o != null) {
                takesValue = !a.contains("=") && o.arity().min() > 0;
            } else if (a.startsWith("-") && a.length() > 1 && !Character.isDigit(a.charAt(1)) && a.charAt(1) != '.') {
                return "unknown option '" + a + "' for '" + spec.qualifiedName() + "'" + Closest.suggestion(option, names);
            }
        }
        return null;
    }

    private static List<String> optionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            names.addAll(Arrays.asList(o.names()));
        }
        return names;
    }

    private static List<String> commandNames(CommandSpec spec) {
        return spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
    }

    private static String name(ArgSpec a) {
        return a instanceof OptionSpec o ? o.longestName() : a.paramLabel();
    }
}
