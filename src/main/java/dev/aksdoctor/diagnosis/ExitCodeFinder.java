package dev.aksdoctor.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds numeric CSE exit codes: {@code exit status=51} (CustomScript), {@code "ExitCode": "51"} (the CSE's JSON),
 * {@code ExitCode: |5|} (Windows, whose process exit code is always 1), {@code API server connection check code: 51},
 * and, when the paste is about the CSE, a loose {@code Exit Code: 5}.
 */
final class ExitCodeFinder {

    /** A number found and the OS its syntax implies ({@code null}: decide from the rest of the paste). */
    record Found(int code, OsType os, int position) {
    }

    private static final int WINDOW = 48;
    private static final int MAX_FOUND = 200;
    private static final Pattern STATUS = Pattern.compile("exit status\\s?=\\s?(\\d{1,4})(?!\\d)");
    private static final Pattern WINDOWS_PIPES = Pattern.compile("exit\\s?code\"?\\s{0,3}[:=]\\s{0,3}\\|\\s{0,2}(\\d{1,4})\\s{0,2}\\|");
    private static final Pattern JSON = Pattern.compile("exitcode\"?\\s{0,3}[:=]\\s{0,3}\"?(\\d{1,4})(?!\\d)");
    private static final Pattern LOOSE = Pattern.compile("exit code(?! of)\\s?[:=]?\\s{0,3}'?(\\d{1,4})(?![\\d'])");
    /**
     * The Windows CustomScriptExtension's own line, {@code returned a non-zero exit code of: '13'}: since the Windows
     * CSE returns its code as the process exit code (AgentBaker #734), that number is the CSE exit code.
     */
    private static final Pattern NON_ZERO = Pattern.compile("exit code of:?\\s{0,3}\\\\{0,3}'(\\d{1,4})'");
    private static final Pattern CHECK = Pattern.compile("check code\\s?:?\\s{0,3}(\\d{1,4})(?!\\d)");
    private static final String[] CSE_CONTEXT = {"cse", "vmextension", "custom script", "provision"};

    List<Found> find(String lower) {
        List<Found> found = new ArrayList<>();
        boolean cseContext = false;
        for (String word : CSE_CONTEXT) {
            cseContext |= lower.contains(word);
        }
        Matcher status = STATUS.matcher(lower);
        Matcher pipes = WINDOWS_PIPES.matcher(lower);
        Matcher json = JSON.matcher(lower);
        Matcher loose = LOOSE.matcher(lower);
        Matcher nonZero = NON_ZERO.matcher(lower);
        int from = 0;
        while (found.size() < MAX_FOUND) {
            int at = lower.indexOf("exit", from);
            if (at < 0) {
                break;
            }
            from = at + 4;
            int end = Math.min(lower.length(), at + WINDOW);
            if (at(status, at, end)) {
                found.add(new Found(Integer.parseInt(status.group(1)), OsType.LINUX, at));
            } else if (at(pipes, at, end)) {
                found.add(new Found(Integer.parseInt(pipes.group(1)), OsType.WINDOWS, at));
            } else if (at(json, at, end)) {
                found.add(new Found(Integer.parseInt(json.group(1)), null, at));
            } else if (cseContext && at(nonZero, at, end)) {
                found.add(new Found(Integer.parseInt(nonZero.group(1)), null, at));
            } else if (cseContext && at(loose, at, end)) {
                found.add(new Found(Integer.parseInt(loose.group(1)), null, at));
            }
        }
        Matcher check = CHECK.matcher(lower);
        from = 0;
        while (found.size() < MAX_FOUND) {
            int at = lower.indexOf("check code", from);
            if (at < 0) {
                break;
            }
            from = at + 10;
            if (at(check, at, Math.min(lower.length(), at + WINDOW))) {
                found.add(new Found(Integer.parseInt(check.group(1)), OsType.LINUX, at));
            }
        }
        return found;
    }

    private static boolean at(Matcher m, int start, int end) {
        m.region(start, end);
        m.useTransparentBounds(true);
        return m.lookingAt();
    }
}
