package dev.aksdoctor.check.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the VMSS run-command scripts that probe an endpoint (usually the API server) from a node, in the
 * order of the baseline checks: DNS, TCP, HTTPS, TLS certificate issuer, proxy settings.
 *
 * <p>Only the validated, canonical values of a {@link ProbeTarget} are put into a script, and always inside
 * single quotes (they cannot contain one). Verbose tool output goes to stderr with any marker text removed;
 * the marker lines are printed last on stdout, because run-command keeps only the tail of the output.
 */
public final class NodeProbeScripts {

    /** Prefix of every marker line the scripts print; {@link ProbeOutputParser} reads them. */
    public static final String MARKER = "AKSDOCTOR_STEP";

    private NodeProbeScripts() {
    }

    /** Lines for the {@code RunShellScript} command (POSIX sh; Ubuntu and Azure Linux nodes). */
    public static List<String> linuxScript(ProbeTarget target) {
        if (target == null) {
            throw new IllegalArgumentException("no probe target");
        }
        String host = target.host();
        String urlHost = target.ipv6Only() ? "[" + host + "]" : host;
        List<String> s = new ArrayList<>();
        s.add("export LC_ALL=C");
        s.add("H='" + host + "'");
        s.add("P='" + target.port() + "'");
        s.add("CONNECT='" + urlHost + ":" + target.port() + "'");
        s.add("URL='https://" + urlHost + ":" + target.port() + "/healthz'");
        s.add("quiet() { grep -v -i -e AKSDOCTOR -e authorization 1>&2; }");
        s.add("mark() { printf '%s %s\\n' '" + MARKER + "' \"$1\"; }");
        // proxy: the process environment first, then /etc/environment (where AKS's HTTP proxy feature writes it)
        s.add("pv() { v=$(printenv \"$1\"); if [ -z \"$v\" ] && [ -r /etc/environment ]; then "
                + "v=$(sed -n \"s/^$1=//p\" /etc/environment | tail -n 1 | tr -d \"\\\"'\"); fi; printf '%s' \"$v\"; }");
        s.add("HP=$(pv HTTPS_PROXY); [ -n \"$HP\" ] || HP=$(pv https_proxy)");
        s.add("NP=$(pv NO_PROXY); [ -n \"$NP\" ] || NP=$(pv no_proxy)");
        s.add("redact() { printf '%s' \"$1\" | sed -E 's#//[^/@]*@#//***@#'; }");
        if (target.fqdn() != null) {
            s.add("if command -v nslookup >/dev/null 2>&1; then nslookup \"$H\" 2>&1 | quiet; fi");
            s.add("IPS=$(getent ahosts \"$H\" | awk '{print $1}' | sort -u | tr '\\n' ',' | sed 's/,$//')");
            s.add("if [ -n \"$IPS\" ]; then DNS=\"dns=ok ips=$IPS\"; else DNS='dns=fail'; fi");
        } else {
            s.add("DNS='dns=skipped'");
        }
        s.add("NE=$(mktemp)");
        s.add("if command -v nc >/dev/null 2>&1; then nc -vz -w 5 \"$H\" \"$P\" >\"$NE\" 2>&1; RC=$?; "
                + "else timeout 5 bash -c 'exec 3<>\"/dev/tcp/$0/$1\"' \"$H\" \"$P\" >\"$NE\" 2>&1; RC=$?; fi");
        s.add("quiet <\"$NE\"; rm -f \"$NE\"");
        s.add("if [ \"$RC\" -eq 0 ]; then TCP='tcp=ok'; else TCP=\"tcp=fail rc=$RC\"; fi");
        s.add("CE=$(mktemp)");
        s.add("CODE=$(HTTPS_PROXY=\"$HP\" https_proxy=\"$HP\" NO_PROXY=\"$NP\" no_proxy=\"$NP\" curl -sv -k -o /dev/null "
                + "-w '%{http_code}' --connect-timeout 5 --max-time 10 \"$URL\" 2>\"$CE\"); RC=$?");
        s.add("HTTPS=\"https=${CODE:-000} rc=$RC\"");
        s.add("CI=$(sed -n 's/^\\*[[:space:]]*issuer: //p' \"$CE\" | head -n 1)");
        s.add("CS=$(sed -n 's/^\\*[[:space:]]*subject: //p' \"$CE\" | head -n 1)");
        s.add("head -c 4000 \"$CE\" | quiet; rm -f \"$CE\"");
        String sni = target.fqdn() == null ? "" : " -servername '" + target.fqdn() + "'";
        s.add("CERT=$(echo | timeout 15 openssl s_client -connect \"$CONNECT\"" + sni
                + " 2>/dev/null | openssl x509 -noout -issuer -subject -nameopt RFC2253 2>/dev/null)");
        s.add("ISSUER=$(printf '%s\\n' \"$CERT\" | sed -n 's/^issuer=//p' | head -n 1)");
        s.add("SUBJECT=$(printf '%s\\n' \"$CERT\" | sed -n 's/^subject=//p' | head -n 1)");
        // openssl connects directly; behind an explicit proxy only curl's view of the certificate exists
        s.add("if [ -z \"$ISSUER\" ]; then ISSUER=\"$CI\"; SUBJECT=\"$CS\"; fi");
        s.add("if [ -n \"$ISSUER\" ]; then TLS='tls=ok'; else TLS='tls=fail'; fi");
        s.add("mark \"$DNS\"");
        s.add("mark \"$TCP\"");
        s.add("mark \"$HTTPS\"");
        s.add("mark \"$TLS\"");
        s.add("mark \"tls_issuer=$ISSUER\"");
        s.add("mark \"tls_subject=$SUBJECT\"");
        s.add("if [ -n \"$HP\" ]; then mark \"proxy=$(redact \"$HP\")\"; else mark 'proxy=none'; fi");
        s.add("mark \"no_proxy=$NP\"");
        s.add("mark 'done'");
        return List.copyOf(s);
    }

    /** Lines for the {@code RunPowerShellScript} command (Windows Server nodes, Windows PowerShell 5.1). */
    public static List<String> windowsScript(ProbeTarget target) {
        if (target == null) {
            throw new IllegalArgumentException("no probe target");
        }
        List<String> s = new ArrayList<>();
        s.add("$ErrorActionPreference = 'Continue'");
        s.add("$ProgressPreference = 'SilentlyContinue'");
        s.add("$h = '" + target.host() + "'");
        s.add("$p = " + target.port());
        s.add("function Mark([string]$v) { Write-Output ('" + MARKER + " ' + ($v -replace '[\\r\\n]', ' ')) }");
        if (target.fqdn() != null) {
            s.add("try { $ips = @(Resolve-DnsName -Name $h -ErrorAction Stop | Where-Object { $_.IPAddress } | "
                    + "ForEach-Object { $_.IPAddress } | Sort-Object -Unique) -join ','; "
                    + "if ($ips) { $dns = \"dns=ok ips=$ips\" } else { $dns = 'dns=fail' } } catch { $dns = 'dns=fail' }");
        } else {
            s.add("$dns = 'dns=skipped'");
        }
        s.add("$ok = Test-NetConnection -ComputerName $h -Port $p -InformationLevel Quiet -WarningAction SilentlyContinue");
        s.add("if ($ok) { $tcp = 'tcp=ok' } else { $tcp = 'tcp=fail' }");
        String sni = target.fqdn() != null ? target.fqdn() : target.ip();
        s.add("$issuer = ''; $subject = ''; $c = $null");
        s.add("try {");
        s.add("  $c = New-Object System.Net.Sockets.TcpClient");
        s.add("  $ar = $c.BeginConnect($h, $p, $null, $null)");
        s.add("  if (-not $ar.AsyncWaitHandle.WaitOne(5000)) { throw 'connect timed out' }");
        s.add("  $c.EndConnect($ar)");
        // accept any certificate: the point is to read who issued it, not to trust it
        s.add("  $cb = [System.Net.Security.RemoteCertificateValidationCallback] { param($o, $cert, $chain, $errors) $true }");
        s.add("  $ssl = New-Object System.Net.Security.SslStream($c.GetStream(), $false, $cb)");
        s.add("  $ssl.ReadTimeout = 10000; $ssl.WriteTimeout = 10000");
        s.add("  $ssl.AuthenticateAsClient('" + sni + "', $null, [System.Security.Authentication.SslProtocols]::Tls12, $false)");
        s.add("  $x = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2($ssl.RemoteCertificate)");
        s.add("  $issuer = $x.Issuer; $subject = $x.Subject");
        s.add("} catch { [Console]::Error.WriteLine('TLS probe failed: ' + $_.Exception.Message) } finally { if ($c) { $c.Close() } }");
        s.add("if ($issuer) { $tls = 'tls=ok' } else { $tls = 'tls=fail' }");
        s.add("$px = [Environment]::GetEnvironmentVariable('HTTPS_PROXY', 'Machine'); if (-not $px) { $px = $env:HTTPS_PROXY }");
        s.add("if ($px) { $px = $px -replace '//[^/@]*@', '//***@' } else { $px = 'none' }");
        s.add("$np = [Environment]::GetEnvironmentVariable('NO_PROXY', 'Machine'); if (-not $np) { $np = $env:NO_PROXY }");
        s.add("Mark $dns");
        s.add("Mark $tcp");
        s.add("Mark $tls");
        s.add("Mark ('tls_issuer=' + $issuer)");
        s.add("Mark ('tls_subject=' + $subject)");
        s.add("Mark ('proxy=' + $px)");
        s.add("Mark ('no_proxy=' + $np)");
        s.add("Mark 'done'");
        return List.copyOf(s);
    }
}
