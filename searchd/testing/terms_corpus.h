// A small English corpus for the term profile's tests (/api/terms): six
// articles about a reactor (the words "reactor", "uranium", "enriched" /
// "enrichment", the phrase "uranium enrichment", stopwords, numbers and a
// one-letter word in each) among nine on other things, some of which share
// those words, so that index counts differ from match counts.
#ifndef CHANCERY_SEARCHD_TESTING_TERMS_CORPUS_H_
#define CHANCERY_SEARCHD_TESTING_TERMS_CORPUS_H_

#include <vector>

#include "searchd/testing/test_corpus.h"

namespace chancery::fixtures {

// Ids t1..t6 match "reactor"; n1..n9 do not.
std::vector<TestArticle> TermsCorpus();

}  // namespace chancery::fixtures

#endif  // CHANCERY_SEARCHD_TESTING_TERMS_CORPUS_H_
