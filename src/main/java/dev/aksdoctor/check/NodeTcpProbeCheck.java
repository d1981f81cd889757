package dev.aksdoctor.check;

import dev.aksdoctor.check.probe.ProbeResult;
import dev.aksdoctor.check.probe.ProbeStep;
import dev.aksdoctor.diagnosis.CheckId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** From a node: does TCP 443 to the API server connect? */
@ApplicationScoped
public class NodeTcpProbeCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.NODE_TCP_PROBE;
    }

    @Override
    public Finding run(CheckContext context) {
        return NodeProbeFindings.notRun(id(), context).orElseGet(() -> {
            ProbeResult r = NodeProbeFindings.result(context);
            String node = NodeProbeFindings.node(context);
            if (!r.reported(ProbeStep.TCP)) {
                return Findings.warn(id(), "The TCP step did not report", List.of(Evidence.of(r.rawTail())),
                        "The node's output was cut or DNS failed first; re-run the node test.", Docs.API_SERVER_CONN_FAIL,
                        Findings.action(NextAction.RUN_NODE_PROBE));
            }
            if (!r.tcpOk()) {
                return Findings.fail(id(), node + " cannot open TCP 443 to the API server",
                        List.of(Evidence.of("TCP connect to port 443 failed from " + node, NodeProbeFindings.nodeId(context))),
                        "Something on the path drops the connection: NSG, route table, firewall or authorized ranges "
                                + "(see the other findings).", Docs.API_SERVER_CONN_FAIL,
                        Findings.action(NextAction.SHOW_NSG_RULES), Findings.action(NextAction.SHOW_ROUTES));
            }
            return Findings.pass(id(), node + " connects to the API server on TCP 443",
                    List.of(Evidence.of("TCP 443 connected", NodeProbeFindings.nodeId(context))), Docs.API_SERVER_CONN_FAIL);
        });
    }
}
