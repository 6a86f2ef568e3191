#include "kpi_mismatch_rule.h"

#include <cmath>
#include <string>

#include "kpi_pack.h"
#include "kpi_text.h"

namespace esgaudit::numeric {

void KpiMismatchRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const KpiData& data = ctx.Shared<KpiData>(doc);
  for (const auto& [period, kpis] : data.by_period()) {
    for (const auto& [key, kpi] : kpis) {
      std::vector<KpiMention> mentions = MentionsOf(doc, ctx, kpi);
      const KpiMention* first_bad = nullptr;
      for (const KpiMention& m : mentions) {
        if (!m.agrees) {
          first_bad = &m;
          break;
        }
      }
      if (first_bad == nullptr) continue;
      const esgaudit_fact& f = *first_bad->fact->fact;
      std::string printed(doc.Text().substr(f.offset, f.length));
      std::string data_value = kpi.text + (kpi.unit.empty() ? "" : " " + kpi.unit);
      std::string hint;
      double ratio = kpi.value != 0 ? f.value / kpi.value : 0;
      for (double p : {4.0, 8.0}) {
        for (double k : {std::pow(10.0, p), std::pow(10.0, -p)}) {
          if (ratio != 0 && std::fabs(ratio / k - 1) < 0.01)
            hint = doc.English() ? " (a 10^" + FormatNumber(p) + " slip?)"
                                 : "（疑似 10^" + FormatNumber(p) + " 错位）";
        }
      }
      sdk::Finding out = NewFinding();
      out.severity = first_bad->from_layout ? ESGAUDIT_WARNING : ESGAUDIT_ERROR;
      out.offset = f.offset;
      out.length = f.length;
      out.message = doc.English() ? "the report states '" + printed + "' but KPI '" + key +
                                        "' is '" + data_value + "' (" + kpi.where + ")" + hint
                                  : "正文为“" + printed + "”，但 KPI“" + key + "”为“" + data_value +
                                        "”（" + kpi.where + "）" + hint;
      for (const KpiMention& m : mentions) {
        if (&m == first_bad) continue;
        const esgaudit_fact& o = *m.fact->fact;
        out.related.push_back({o.offset, o.length,
                               std::string(m.agrees ? (doc.English() ? "agrees: " : "一致：")
                                                    : (doc.English() ? "differs: " : "不一致：")) +
                                   std::string(doc.Text().substr(o.offset, o.length))});
      }
      ctx.Report(out);
    }
  }
}

}  // namespace esgaudit::numeric
