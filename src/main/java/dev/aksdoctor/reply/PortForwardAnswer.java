package dev.aksdoctor.reply;

import dev.aksdoctor.diagnosis.Diagnosis;

/**
 * The answer when {@code kubectl port-forward} reached the cluster and the pod, or the local port, is what failed:
 * the next step is kubectl on the pod (or freeing the port), never the cluster's Azure configuration. Pod names and
 * ports stay placeholders: nothing from the paste goes into a command here.
 */
final class PortForwardAnswer {

    static final String NOT_RUNNING = "PortForwardPodNotRunning";
    static final String TO_POD = "PortForwardToPodFailed";
    static final String LOCAL = "PortForwardLocalListenFailed";

    private static final String NO_CHECKS = "No Azure checks ran: kubectl reached the cluster; what failed is the pod "
            + "or this machine's port, which the cluster's Azure configuration does not show.";

    private PortForwardAnswer() {
    }

    static boolean answers(String code) {
        return NOT_RUNNING.equals(code) || TO_POD.equals(code) || LOCAL.equals(code);
    }

    static ClientSideAnswer answer(Diagnosis d) {
        if (NOT_RUNNING.equals(d.errorCode())) {
            return notRunning(d);
        }
        return LOCAL.equals(d.errorCode()) ? local(d) : toPod(d);
    }

    private static ClientSideAnswer notRunning(Diagnosis d) {
        String cause = "the pod kubectl port-forward picked is not running";
        StringBuilder text = header(cause)
                .append("\n• It is Pending or not ready, so nothing in it can take the connection yet.")
                .append("\n*Next:*")
                .append("\n1. Its phase and node: ").append(Mrkdwn.code("kubectl get pod <pod> -o wide"))
                .append("\n2. Why it is not running (scheduling, image pull, probes, in Events): ")
                .append(Mrkdwn.code("kubectl describe pod <pod>"))
                .append("\n3. Forward once it is ready: ")
                .append(Mrkdwn.code("kubectl wait --for=condition=Ready pod/<pod>"));
        return new ClientSideAnswer(cause, ClientSideAnswerRenderer.withFirstDoc(text, d), NO_CHECKS);
    }

    private static ClientSideAnswer toPod(Diagnosis d) {
        String cause = "nothing in the pod answers on the forwarded port";
        StringBuilder text = header(cause)
                .append("\n• kubectl reached the pod through the API server and its node; the connection to the port "
                        + "inside the pod failed. The container does not listen on that port (the one after the colon "
                        + "in ").append(Mrkdwn.code("local:remote")).append("), listens on another interface only, is "
                        + "still starting, or restarted.")
                .append("\n*Next:*")
                .append("\n1. Is it running, and restarting? ").append(Mrkdwn.code("kubectl get pod <pod>"))
                .append("\n2. Its containerPort, probes and Events: ").append(Mrkdwn.code("kubectl describe pod <pod>"))
                .append("\n3. Did the app start, and on which port? ").append(Mrkdwn.code("kubectl logs <pod>"));
        return new ClientSideAnswer(cause, ClientSideAnswerRenderer.withFirstDoc(text, d), NO_CHECKS);
    }

    private static ClientSideAnswer local(Diagnosis d) {
        String cause = "kubectl could not listen on the local port";
        StringBuilder text = header(cause)
                .append("\n• The port on this machine is taken by another process (often an earlier kubectl "
                        + "port-forward), or the OS forbids it (ports below 1024 need privileges; Windows reserves some "
                        + "ranges). The cluster was not involved yet.")
                .append("\n*Fix:*")
                .append("\n1. Pick a free local port: ").append(Mrkdwn.code("kubectl port-forward <pod> 18080:<port>"))
                .append("\n2. Or find what holds it and stop it: ").append(Mrkdwn.code("lsof -i :<local-port>"))
                .append(" (Linux, macOS) or ").append(Mrkdwn.code("netstat -ano | findstr :<local-port>"))
                .append(" (Windows)");
        return new ClientSideAnswer(cause, ClientSideAnswerRenderer.withFirstDoc(text, d), NO_CHECKS);
    }

    private static StringBuilder header(String cause) {
        return new StringBuilder(":rotating_light: *Likely cause — ").append(cause).append("*");
    }
}
