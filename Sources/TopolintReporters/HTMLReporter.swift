import TopolintCore

/// One self-contained page for a change board: counts, the drawing of each file, and the
/// findings with their source lines and fixes, each rule explained further down the page.
/// Inline CSS and SVG only; a few lines of script sort and filter the tables, and the page
/// reads the same without them (a finding outlines its subject in the drawing with CSS).
public struct HTMLReporter: Reporter {
    public static let id = "html"
    public static let summary = "one self-contained HTML page with a drawing of each file"

    public static func render(_ report: LintReport, options: ReportOptions) -> String {
        var page = HTMLPage(title: "\(Project.name) report")
        var lines = SourceLines(report.sources)
        page.body += "<header><h1>\(Project.name) report</h1>"
        page.body += "<p class=\"meta\">\(Format.count(report.files.count, "file")) · \(Project.name) \(Project.version)</p></header>\n"
        // A finding in a file the run did not name still gets a section.
        let files = report.files + Set(report.findings.map(\.location.file)).subtracting(report.files).sorted()
        page.body += HTMLPage.summary(report.summary, files: files)
        if !report.diagnostics.isEmpty { page.body += HTMLPage.diagnostics(report.diagnostics, lines: &lines) }
        if report.baselined > 0 {
            page.body += "<p class=\"note\">\(Format.count(report.baselined, "finding")) recorded in the baseline not shown.</p>\n"
        }
        page.body += HTMLPage.filters
        for (i, file) in files.enumerated() {
            let prefix = "f\(i)"
            let findings = report.findings.filter { $0.location.file == file }
            let suppressed = report.suppressed.filter { $0.finding.location.file == file }
            page.body += "<section class=\"file\" id=\"\(prefix)\"><h2>\(HTML.text(file))</h2>\n"
            if !report.diagnostics.isEmpty && !report.diagnostics.contains(where: { $0.location.file == file }) {
                // Loaded, drawn, but not reported on: the run's findings wait for every file.
                page.body += "<p class=\"counts\">Findings not reported: another file of this run cannot be loaded (see Load errors). The drawing shows this design as it is.</p>\n"
            } else {
                page.body += "<p class=\"counts\">\(HTMLPage.countsLine(Summary(findings: findings, suppressed: suppressed.count)))</p>\n"
            }
            if let picture = report.pictures[file] {
                page.body += HTMLPage.drawing(picture, prefix: prefix)
            }
            page.body += HTMLPage.findingsTable(findings, picture: report.pictures[file], prefix: prefix, lines: &lines)
            if !suppressed.isEmpty { page.body += HTMLPage.suppressedTable(suppressed) }
            page.body += "</section>\n"
        }
        page.body += HTMLPage.ruleSections(report.rules, used: Set(report.findings.map(\.ruleID) + report.suppressed.map(\.finding.ruleID)),
                                           options: options)
        return page.html
    }

    /// What a proposal changes, before and after side by side: each side's drawing and
    /// findings, then the findings the proposal adds and resolves. `notes` are the proposal's
    /// requirements in words.
    public static func whatIf(before: LintReport, after: LintReport, added: [Finding], resolved: [Finding],
                              question: String, notes: [String]) -> String {
        var page = HTMLPage(title: "\(Project.name) what-if")
        var lines = SourceLines(after.sources)
        page.body += "<header><h1>\(HTML.text(question))</h1><p class=\"meta\">\(Project.name) \(Project.version)</p></header>\n"
        if !notes.isEmpty { page.body += "<ul class=\"notes\">" + notes.map { "<li>\(HTML.text($0))</li>" }.joined() + "</ul>\n" }
        page.body += "<div class=\"delta\"><span class=\"added\">adds \(added.count)</span> <span class=\"resolved\">resolves \(resolved.count)</span></div>\n"
        page.body += HTMLPage.filters
        page.body += "<div class=\"sides\">\n"
        for (side, report, prefix) in [("Before", before, "b"), ("After", after, "a")] {
            let file = report.files.first ?? ""
            page.body += "<section class=\"side\" id=\"\(prefix)\"><h2>\(side)</h2>\n"
            page.body += "<p class=\"counts\">\(HTMLPage.countsLine(report.summary))</p>\n"
            if let picture = report.pictures[file] { page.body += HTMLPage.drawing(picture, prefix: prefix) }
            page.body += HTMLPage.findingsTable(report.findings, picture: report.pictures[file], prefix: prefix, lines: &lines, marks: prefix == "a" ? Set(added.map(\.fingerprint)) : Set(resolved.map(\.fingerprint)))
            page.body += "</section>\n"
        }
        page.body += "</div>\n"
        page.body += HTMLPage.ruleSections(after.rules, used: Set((added + resolved + before.findings + after.findings).map(\.ruleID)),
                                           options: ReportOptions())
        return page.html
    }
}

/// HTML text and attribute escaping: the XML rules, which HTML parses the same way.
enum HTML {
    static func text(_ s: String) -> String { XML.text(s) }
    static func attribute(_ s: String) -> String { XML.attribute(s) }
}

/// The page's parts, shared by the lint and what-if pages.
struct HTMLPage {
    var title: String
    var body = ""

    var html: String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.text(title))</title>
        <style>
        \(HTMLPage.css)
        </style>
        </head>
        <body>
        \(body)<script>
        \(HTMLPage.script)
        </script>
        </body>
        </html>

        """
    }

    static func summary(_ s: Summary, files: [String]) -> String {
        var out = "<section class=\"summary\">"
        for sev in Severity.allCases.reversed() {
            out += "<div class=\"card \(sev.rawValue)\"><span class=\"n\">\(s.count(sev))</span><span class=\"l\">\(sev.rawValue)</span></div>"
        }
        out += "<div class=\"card score\"><span class=\"n\">\(Format.score(s.maxScore))</span><span class=\"l\">max score</span></div>"
        out += "<div class=\"card plain\"><span class=\"n\">\(s.suppressed)</span><span class=\"l\">suppressed</span></div>"
        out += "<div class=\"files\"><b>Files</b><ul>"
        for (i, f) in files.enumerated() { out += "<li><a href=\"#f\(i)\">\(HTML.text(f))</a></li>" }
        return out + "</ul></div></section>\n"
    }

    static func countsLine(_ s: Summary) -> String {
        let parts = Severity.allCases.reversed().map { "\(s.count($0)) \($0.rawValue)" }.joined(separator: ", ")
        return "\(Format.count(s.findings, "finding")) (\(parts)), max score \(Format.score(s.maxScore))"
            + (s.suppressed > 0 ? ", \(s.suppressed) suppressed" : "")
    }

    /// The drawing, preceded by one empty marker per highlight: a finding links to its
    /// marker, and `marker:target ~ svg .h<i>` outlines the subject without any script.
    static func drawing(_ p: Picture, prefix: String) -> String {
        var out = "<div class=\"drawing\">"
        var rules = ""
        for i in p.highlights.indices {
            out += "<span class=\"mark\" id=\"\(prefix)-h\(i)\"></span>"
            // Children of a highlighted group (a band, an arrow) carry their own stroke.
            rules += "#\(prefix)-h\(i):target~svg .h\(i),#\(prefix)-h\(i):target~svg g.h\(i)>:not(text)"
                + "{stroke:#ffab00!important;stroke-width:4px!important;stroke-dasharray:none!important;animation:pulse 1s ease-in-out 3}"
        }
        if !rules.isEmpty { out += "<style>\(rules)</style>" }
        out += PictureSVG.render(p, prefix: prefix)
        return out + "<p class=\"hint\">Bands: broadcast domains that reach across pods or sites, one colour each, with a stripe in every rack they reach (four at most, +N counting the rest). Arrows: endpoints whose nearest gateway is in another site. Select \(targetIcon) next to a finding to outline its subject.</p></div>\n"
    }

    static func findingsTable(_ findings: [Finding], picture: Picture?, prefix: String, lines: inout SourceLines,
                              marks: Set<String> = []) -> String {
        guard !findings.isEmpty else { return "<p class=\"clean\">No findings.</p>\n" }
        // Worst first: a board reads the top of the list; the script re-sorts on demand.
        let ordered = findings.enumerated().sorted { a, b in
            a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset
        }
        var out = "<table class=\"findings sortable\"><thead><tr><th data-key=\"severity\">Severity</th><th data-key=\"score\" class=\"num\">Score</th>"
        out += "<th data-key=\"rule\">Rule</th><th data-key=\"location\">Location</th><th>Finding</th></tr></thead><tbody>\n"
        for (order, f) in ordered {
            let sev = f.severity.rawValue
            let marked = marks.contains(f.fingerprint)
            let highlight = picture.flatMap { $0.highlightIndex(of: f.subject) }
            out += "<tr class=\"sev-\(sev)\(marked ? " changed" : "")\" data-severity=\"\(sev)\" data-score=\"\(Format.score(f.score))\" data-rule=\"\(HTML.attribute(f.ruleID))\" data-location=\"\(order)\""
                + (highlight.map { " data-h=\"\(prefix) \($0)\"" } ?? "") + ">"
            out += "<td><span class=\"badge \(sev)\">\(sev)</span></td><td class=\"num\"><b>\(Format.score(f.score))</b></td>"
            out += "<td><a href=\"#rule-\(HTML.attribute(f.ruleID))\">\(HTML.text(f.ruleID))</a><br><span class=\"rname\">\(HTML.text(f.ruleName))</span></td>"
            out += "<td class=\"loc\">\(HTML.text(f.location.description))</td><td>"
            if let h = highlight {
                out += "<a class=\"show\" href=\"#\(prefix)-h\(h)\" title=\"outline \(HTML.attribute(f.subject.kind + " " + f.subject.name)) in the drawing\">\(HTMLPage.targetIcon)</a> "
            }
            out += "<span class=\"msg\">\(HTML.text(f.message))</span>"
            if let line = lines.line(f.location.line, of: f.location.file) {
                let shown = Snippet(line: line, column: f.location.column)
                out += "<pre class=\"src\"><span class=\"ln\">\(f.location.line)</span> \(HTML.text(shown.text))\n"
                out += "<span class=\"ln\">\(String(repeating: " ", count: String(f.location.line).count))</span> \(String(repeating: " ", count: shown.caretOffset))<span class=\"caret\">^</span></pre>"
            }
            if !f.fix.isEmpty { out += "<div class=\"fix\"><b>Fix:</b> \(HTML.text(f.fix))</div>" }
            out += "</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    static func suppressedTable(_ list: [SuppressedFinding]) -> String {
        var out = "<details class=\"suppressed\"><summary>\(Format.count(list.count, "suppressed finding"))</summary><table><tbody>"
        for s in list {
            out += "<tr><td>\(Format.score(s.finding.score))</td><td><a href=\"#rule-\(HTML.attribute(s.finding.ruleID))\">\(HTML.text(s.finding.ruleID))</a></td>"
            out += "<td>\(HTML.text(s.finding.message))</td><td><i>\(HTML.text(s.reason))</i></td></tr>"
        }
        return out + "</tbody></table></details>\n"
    }

    static func diagnostics(_ list: [Diagnostic], lines: inout SourceLines) -> String {
        var out = "<section class=\"errors\"><h2>Load errors</h2><p>A file that cannot be loaded gets no design findings until it loads, and while one cannot, no file of the run has its findings reported.</p><ul>"
        for d in list {
            out += "<li><code>\(HTML.text(d.location.description))</code> <b>\(HTML.text(d.code.id)) \(HTML.text(d.code.name))</b>: \(HTML.text(d.message))"
            if let help = d.help { out += " <i>(\(HTML.text(help)))</i>" }
            if let line = lines.line(d.location.line, of: d.location.file) {
                out += "<pre class=\"src\">\(HTML.text(Snippet(line: line, column: d.location.column).text))</pre>"
            }
            out += "</li>"
        }
        return out + "</ul></section>\n"
    }

    /// Each rule that appears on the page, explained where its findings link, with a link to
    /// its full page (under `--rule-docs-url` when given, as in SARIF and Markdown).
    static func ruleSections(_ rules: [RuleDescriptor], used: Set<String>, options: ReportOptions) -> String {
        let shown = rules.filter { used.contains($0.id) }
        guard !shown.isEmpty else { return "" }
        var out = "<section class=\"rules\"><h2>Rules</h2>\n"
        for r in shown {
            out += "<article id=\"rule-\(HTML.attribute(r.id))\"><h3>\(HTML.text(r.id)) \(HTML.text(r.name))</h3>"
            out += "<p class=\"rsum\">\(HTML.text(r.summary))</p>"
            out += "<dl><dt>Why</dt><dd>\(HTML.text(r.rationale))</dd><dt>Reported when</dt><dd>\(HTML.text(r.trigger))</dd>"
            out += "<dt>Score</dt><dd>\(HTML.text(r.scoreFormula))</dd><dt>Fix</dt><dd>\(HTML.text(r.fix))</dd></dl>"
            if !r.failingExample.isEmpty {
                out += "<details><summary>Example that triggers it</summary><pre>\(HTML.text(r.failingExample))</pre></details>"
            }
            out += "<p class=\"rlink\"><a href=\"\(HTML.attribute(options.helpURI(id: r.id, name: r.name)))\">The rule's page</a></p>"
            out += "</article>\n"
        }
        return out + "</section>\n"
    }

    /// A cross-hair drawn inline: no icon font, and not every system font has U+2316.
    static let targetIcon = "<svg class=\"icon\" viewBox=\"0 0 16 16\" width=\"14\" height=\"14\" aria-hidden=\"true\"><circle cx=\"8\" cy=\"8\" r=\"5\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\"/><path d=\"M8 0v5M8 11v5M0 8h5M11 8h5\" stroke=\"#1565c0\" stroke-width=\"2\"/></svg>"

    static let filters = """
    <div class="filters" hidden><span>Show:</span>\(Severity.allCases.reversed().map { "<label><input type=\"checkbox\" value=\"\($0.rawValue)\" checked> \($0.rawValue)</label>" }.joined())</div>

    """

    static let css = """
    :root{--crit:#b71c1c;--high:#e64a19;--med:#f9a825;--low:#0288d1;--ink:#263238;--muted:#607d8b}
    *{box-sizing:border-box}
    body{margin:0;padding:24px 32px;font:14px/1.45 "DejaVu Sans",Verdana,Arial,sans-serif;color:var(--ink);background:#fafbfc}
    h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #cfd8dc;padding-bottom:4px}
    h3{font-size:15px;margin:0 0 4px}.meta,.counts,.hint,.note{color:var(--muted);margin:4px 0}
    .summary{display:flex;flex-wrap:wrap;gap:10px;align-items:stretch;margin:16px 0}
    .card{min-width:92px;padding:8px 14px;border-radius:8px;background:#fff;border:1px solid #cfd8dc;border-top:5px solid #90a4ae;display:flex;flex-direction:column;align-items:center}
    .card .n{font-size:26px;font-weight:bold}.card .l{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
    .card.critical{border-top-color:var(--crit)}.card.high{border-top-color:var(--high)}.card.medium{border-top-color:var(--med)}.card.low{border-top-color:var(--low)}.card.score{border-top-color:#37474f}
    .files{padding:6px 14px;background:#fff;border:1px solid #cfd8dc;border-radius:8px}.files ul{margin:2px 0;padding-left:18px}
    .drawing{overflow-x:auto;background:#fff;border:1px solid #cfd8dc;border-radius:8px;padding:8px;margin:10px 0}
    .drawing svg.topology{display:block;max-width:none}.mark{display:block;height:0}svg.icon{display:inline;vertical-align:-2px}
    @keyframes pulse{50%{stroke-opacity:.3}}
    svg .hl,svg g.hl>:not(text){stroke:#ffab00!important;stroke-width:4px!important;stroke-dasharray:none!important}
    table{border-collapse:collapse;width:100%;background:#fff;margin:10px 0}
    th,td{border-bottom:1px solid #e0e6ea;padding:6px 8px;text-align:left;vertical-align:top}
    th{background:#eceff1;font-size:12px;text-transform:uppercase;letter-spacing:.04em;cursor:default}
    .js th[data-key]{cursor:pointer}.js th[data-key]:after{content:" ⇅";color:#90a4ae}
    td.num,th.num{text-align:right}td.loc{font-family:"DejaVu Sans Mono",monospace;font-size:12px;word-break:break-all;min-width:10em}
    .badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px;font-weight:bold}
    .badge.critical{background:var(--crit)}.badge.high{background:var(--high)}.badge.medium{background:var(--med);color:#212121}.badge.low{background:var(--low)}
    tr.sev-critical td:first-child{border-left:4px solid var(--crit)}tr.sev-high td:first-child{border-left:4px solid var(--high)}
    tr.sev-medium td:first-child{border-left:4px solid var(--med)}tr.sev-low td:first-child{border-left:4px solid var(--low)}
    tr.changed{background:#fff8e1}.rname{color:var(--muted);font-size:12px}
    pre.src{white-space:pre-wrap;word-break:break-all;margin:6px 0;padding:6px 8px;background:#263238;color:#eceff1;border-radius:4px;font:12px/1.35 "DejaVu Sans Mono",monospace;overflow-x:auto}
    pre.src .ln{color:#78909c}pre.src .caret{color:#ffab00;font-weight:bold}
    .fix{margin-top:4px}.fix b{color:#2e7d32}a.show{text-decoration:none;font-size:16px}
    .rules article{background:#fff;border:1px solid #cfd8dc;border-radius:8px;padding:10px 14px;margin:10px 0}
    .rules article:target{border-color:#ffab00;box-shadow:0 0 0 3px #ffe0b2}
    .rules dt{font-weight:bold;margin-top:6px}.rules dd{margin:0 0 0 12px}.rules pre{background:#f5f5f5;padding:8px;overflow-x:auto}
    .filters{margin:14px 0}.filters label{margin-right:12px}
    .sides{display:grid;grid-template-columns:1fr 1fr;gap:18px}.side{min-width:0}
    .side table{table-layout:fixed}.side th:nth-child(1){width:84px}.side th:nth-child(2){width:64px}.side th:nth-child(3){width:110px}.side th:nth-child(4){width:130px}
    .delta span{display:inline-block;padding:4px 10px;border-radius:6px;font-weight:bold;margin-right:8px}
    .delta .added{background:#ffebee;color:var(--crit)}.delta .resolved{background:#e8f5e9;color:#2e7d32}
    .clean{color:#2e7d32;font-weight:bold}.errors{background:#ffebee;padding:8px 14px;border-radius:8px}
    """

    /// Sorting by a column and filtering by severity; without script the page shows all rows,
    /// worst first.
    static let script = """
    (function(){
      document.documentElement.classList.add('js');
      var filters=document.querySelector('.filters');
      if(filters){filters.hidden=false;filters.addEventListener('change',function(){
        var on={};filters.querySelectorAll('input').forEach(function(i){on[i.value]=i.checked;});
        document.querySelectorAll('table.findings tbody tr').forEach(function(r){r.style.display=on[r.dataset.severity]?'':'none';});
      });}
      // Pointing at a finding outlines its subject in its drawing, as following its link does.
      document.querySelectorAll('tr[data-h]').forEach(function(r){
        var p=r.dataset.h.split(' '),svg=document.getElementById(p[0]+'-drawing');if(!svg)return;
        var on=function(v){svg.querySelectorAll('.h'+p[1]).forEach(function(e){e.classList.toggle('hl',v);});};
        r.addEventListener('mouseenter',function(){on(true);});r.addEventListener('mouseleave',function(){on(false);});
      });
      var rank={critical:4,high:3,medium:2,low:1};
      document.querySelectorAll('table.sortable').forEach(function(t){
        t.querySelectorAll('th[data-key]').forEach(function(th){
          var dir=-1;
          th.addEventListener('click',function(){
            dir=-dir;var k=th.dataset.key,body=t.tBodies[0];
            var rows=Array.prototype.slice.call(body.rows);
            rows.sort(function(a,b){
              var x=a.dataset[k],y=b.dataset[k];
              if(k==='score'||k==='location'){x=parseFloat(x);y=parseFloat(y);}
              if(k==='severity'){x=rank[x];y=rank[y];}
              return (x<y?-1:x>y?1:0)*dir;
            });
            rows.forEach(function(r){body.appendChild(r);});
          });
        });
      });
    })();
    """
}
