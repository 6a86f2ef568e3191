#include "four_parts_missing_rule.h"

#include "analysis.h"

namespace esgaudit::cnexchange {

void FourPartsMissingRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  if (!a.Applies()) return;
  const TopicResult* first = nullptr;
  size_t count = 0;
  for (const TopicResult& t : a.topics()) {
    if (t.materiality != Materiality::kFinancial) continue;
    if (first == nullptr) first = &t;
    ++count;
  }
  if (first == nullptr) return;
  const auto& parts = a.pack().four_parts();
  for (size_t i = 0; i < parts.size(); ++i) {
    if (a.four_parts()[i].found()) continue;
    sdk::Finding f = NewFinding();
    f.severity = ESGAUDIT_WARNING;
    f.message = a.English()
                    ? (count == 1 ? std::string("1 topic is") : std::to_string(count) + " topics are") +
                          " financially material but the report has no \"" +
                          parts[i].title_en + "\" disclosure (Art. 11, " + a.Article(parts[i].article) + ")"
                    : "报告将" + std::to_string(count) + "个议题列为具有财务重要性，但未见“" +
                          parts[i].title_zh + "”的披露（第11条、" + parts[i].article + "）";
    a.Locate(first->materiality_where, &f);
    f.references = a.References(parts[i].article);
    ctx.Report(f);
  }
  // Each financially material topic with a section of its own: the elements inside it. One
  // governance structure for all topics may be disclosed once (Art. 12(2)); climate has its own
  // articles, checked below.
  const auto& topic_parts = a.pack().topic_parts();
  for (const TopicResult& t : a.topics()) {
    if (t.materiality != Materiality::kFinancial || t.parts.size() != topic_parts.size() || t.spec->id == "climate")
      continue;
    for (size_t i = 0; i < topic_parts.size(); ++i) {
      if (t.parts[i].found()) continue;
      if (topic_parts[i].id == "governance" && a.pack().four_parts()[0].id == "governance" &&
          a.four_parts()[0].found())
        continue;
      sdk::Finding f = NewFinding();
      f.severity = ESGAUDIT_WARNING;
      f.message = a.English() ? "\"" + t.spec->title_en + "\" is financially material but its section has no \"" +
                                    topic_parts[i].title_en + "\" disclosure (Art. 11, " +
                                    a.Article(topic_parts[i].article) + ")"
                              : "议题“" + t.spec->title_zh + "”具有财务重要性，但其章节未见“" + topic_parts[i].title_zh +
                                    "”的披露（第11条、" + topic_parts[i].article + "）";
      a.Locate(t.section, &f);
      f.related.push_back(a.Related(t.materiality_where, a.English() ? "classed as financially material here"
                                                                     : "在此列为具有财务重要性"));
      f.references = a.References(topic_parts[i].article);
      ctx.Report(f);
    }
  }
  const TopicResult* climate = a.Topic("climate");
  if (climate == nullptr || climate->materiality != Materiality::kFinancial) return;
  const auto& climate_parts = a.pack().climate_parts();
  for (size_t i = 0; i < climate_parts.size(); ++i) {
    if (a.climate_parts()[i].found()) continue;
    sdk::Finding f = NewFinding();
    f.severity = ESGAUDIT_WARNING;
    f.message = a.English() ? "climate change is financially material but the report has no climate \"" +
                                  climate_parts[i].title_en + "\" disclosure (" + a.Article(climate_parts[i].article) + ")"
                            : "议题“应对气候变化”具有财务重要性，但未见气候相关的“" +
                                  climate_parts[i].title_zh + "”披露（" + climate_parts[i].article + "）";
    a.Locate(climate->materiality_where, &f);
    f.references = a.References(climate_parts[i].article);
    ctx.Report(f);
  }
}

}  // namespace esgaudit::cnexchange
