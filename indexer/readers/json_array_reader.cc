#include "indexer/readers/json_array_reader.h"

#include <cstddef>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "indexer/readers/article_delivery.h"
#include "indexer/readers/json_article.h"

namespace chancery {
namespace {

using Json = nlohmann::json;

// Feeds nlohmann's parser one byte at a time from an InputSource while
// counting the newlines it has consumed, so that the parser callback can
// tell on which line an element starts. Bytes are fetched lazily: the
// parser checks for the end before each byte, and an eager fetch would
// count a newline the parser has not reached yet.
class CharCursor {
 public:
  explicit CharCursor(InputSource& source) : source_(source) {}

  bool AtEnd() {
    Fetch();
    return pending_ < 0;
  }
  char Current() {
    Fetch();
    return static_cast<char>(pending_);
  }
  void Consume() {
    Fetch();
    if (pending_ == '\n') ++line_;
    fetched_ = false;
  }
  // Line of the last byte consumed.
  int64_t line() const { return line_; }

 private:
  void Fetch() {
    if (!fetched_) {
      pending_ = source_.Get();
      fetched_ = true;
    }
  }

  InputSource& source_;
  int pending_ = -1;
  bool fetched_ = false;
  int64_t line_ = 1;
};

// The input iterator nlohmann::json::parse(first, last) wants over a
// CharCursor; a default-constructed one is the end.
class CursorIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = char;

  CursorIterator() = default;
  explicit CursorIterator(CharCursor* cursor) : cursor_(cursor) {}

  char operator*() const { return cursor_->Current(); }
  CursorIterator& operator++() {
    cursor_->Consume();
    return *this;
  }
  CursorIterator operator++(int) {
    CursorIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const CursorIterator& other) const {
    return IsEnd() == other.IsEnd();
  }

 private:
  bool IsEnd() const { return cursor_ == nullptr || cursor_->AtEnd(); }

  CharCursor* cursor_ = nullptr;
};

}  // namespace

void ReadJsonArray(InputSource& source, ArticleSink& sink) {
  CharCursor cursor(source);
  int64_t element_line = 1;
  std::string date_text;
  auto origin_at = [&source](int64_t line) {
    return source.path() + ":" + std::to_string(line);
  };
  // Depth 1 is an element of the top-level array. Returning false from the
  // callback drops the element from the array being built, which is what
  // keeps memory bounded by one element.
  Json::parser_callback_t on_event = [&](int depth, Json::parse_event_t event,
                                         Json& parsed) {
    if (!WithinJsonDepth(depth, event, parsed)) return false;
    if (depth != 1) return true;
    switch (event) {
      case Json::parse_event_t::object_start:
      case Json::parse_event_t::array_start:
        element_line = cursor.line();
        return true;
      case Json::parse_event_t::object_end: {
        Article article = ArticleFromJsonObject(parsed, &date_text);
        article.origin = origin_at(element_line);
        DeliverArticle(std::move(article), date_text, sink);
        return false;
      }
      case Json::parse_event_t::array_end:
        sink.OnReject(origin_at(element_line), "not a JSON object");
        return false;
      case Json::parse_event_t::value:
        sink.OnReject(origin_at(cursor.line()), "not a JSON object");
        return false;
      case Json::parse_event_t::key:
        return true;
    }
    return true;
  };
  try {
    Json top = Json::parse(CursorIterator(&cursor), CursorIterator(), on_event);
    if (!top.is_array()) sink.OnReject(source.path(), "not a JSON array");
  } catch (const Json::exception& e) {
    sink.OnReject(origin_at(cursor.line()), DescribeJsonError(e));
  }
  if (!source.status().ok()) {
    sink.OnReject(origin_at(cursor.line()), source.status().message());
  }
}

}  // namespace chancery
