#include "searchd/testing/terms_corpus.h"

namespace chancery::fixtures {

std::vector<TestArticle> TermsCorpus() {
  struct Text {
    const char* id;
    const char* title;
    const char* body;
  };
  static const Text kTexts[] = {
      {"t1", "Reactor restarted after uranium enrichment review",
       "The reactor at Tarvik was restarted on Monday after a review of "
       "uranium enrichment. Engineers said the enriched fuel was within "
       "limits and the turbine ran at 2024 megawatts."},
      {"t2", "Inspectors visit the reactor",
       "Inspectors said uranium enrichment at the reactor site continued. "
       "The enriched uranium is stored in a vault, x marks the spot."},
      {"t3", "Reactor cooling pumps replaced",
       "Cooling pumps at the reactor were replaced. The operator said "
       "uranium enrichment would pause for 12 days while the turbine hall "
       "is inspected."},
      {"t4", "Enriched fuel arrives",
       "Enriched fuel reached the reactor by rail. Officials said uranium "
       "enrichment targets for the year were met."},
      {"t5", "Reactor output rises",
       "The reactor produced more power in March. The turbine was upgraded "
       "and the enriched fuel lasted longer, the operator said."},
      {"t6", "Union questions reactor safety",
       "A union asked whether the reactor vault was safe. Managers said "
       "the enrichment hall and the turbine were checked on Monday."},
      {"n1", "Treaty talks on uranium enrichment",
       "Diplomats said talks on uranium enrichment limits would resume on "
       "Monday in Geneva."},
      {"n2", "Mine sells uranium",
       "A mine in the north sold uranium ore to a buyer abroad, officials "
       "said on Monday."},
      {"n3", "Schools add enrichment classes",
       "Schools said the enrichment classes in music and art would start "
       "in March."},
      {"n4", "Cup final tonight",
       "The cup final is tonight. The coach said the team was ready and "
       "the stadium was full."},
      {"n5", "Markets rise",
       "Shares rose on Monday. Traders said the markets were calm and the "
       "bank kept its rate."},
      {"n6", "Rain expected",
       "Rain is expected in the north on Monday, forecasters said, with "
       "wind in the hills."},
      {"n7", "Harbour reopens",
       "The harbour reopened after the storm. Officials said ferries would "
       "run again from Monday."},
      {"n8", "Library opens late",
       "The library will open late in March, the council said, while "
       "shelves are replaced."},
      {"n9", "Turbine maker hires",
       "A turbine maker said it would hire 300 workers in the north."},
  };
  std::vector<TestArticle> out;
  int day = 1;
  for (const Text& t : kTexts) {
    TestArticle a;
    a.article.id = t.id;
    a.article.title = t.title;
    a.article.body = t.body;
    a.article.lang = "en";
    a.article.source = "terms-wire";
    a.article.date = EpochSeconds(2025, 3, day++);
    a.article.url = std::string("https://example.org/") + t.id;
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace chancery::fixtures
