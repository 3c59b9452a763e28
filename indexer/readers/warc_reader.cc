#include "indexer/readers/warc_reader.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "common/base/numbers.h"
#include "common/base/strings.h"
#include "indexer/readers/article_delivery.h"
#include "indexer/readers/date_parser.h"
#include "indexer/readers/html_reader.h"
#include "indexer/readers/http_message.h"
#include "indexer/readers/input_format.h"

namespace chancery {
namespace {

// A header is a few hundred bytes; more fields than this is not WARC.
constexpr int kMaxHeaderLines = 1000;
// Dates in warnings are quoted from untrusted input; keep messages short.
constexpr size_t kMaxQuotedBytes = 80;

bool IsVersionLine(std::string_view line) {
  return line.substr(0, 5) == "WARC/";
}

// "https://www.example.org:443/a" -> "example.org".
std::string HostOf(std::string_view uri) {
  const size_t scheme = uri.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view host = uri.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#"));
  if (const size_t at = host.rfind('@'); at != std::string_view::npos) {
    host = host.substr(at + 1);
  }
  host = host.substr(0, host.find(':'));
  std::string lower = AsciiToLower(host);
  if (lower.substr(0, 4) == "www.") lower.erase(0, 4);
  return lower;
}

bool IsHtmlMediaType(std::string_view media_type) {
  return media_type == "text/html" || media_type == "application/xhtml+xml";
}

class WarcRecordReader {
 public:
  WarcRecordReader(InputSource& source, ArticleSink& sink)
      : source_(source), sink_(sink) {
    source_.set_stop_at_gaps(true);
  }

  void ReadAll() {
    for (;;) {
      if (source_.at_gap()) {
        ReportGaps();
        continue;
      }
      const uint64_t offset = source_.RawOffsetOfNextByte();
      origin_ = source_.path() + ":offset " + std::to_string(offset);
      std::string line;
      if (!source_.ReadLine(&line)) {
        if (source_.at_gap()) continue;
        break;  // end of input
      }
      if (TrimWhitespace(line).empty()) continue;  // between records
      if (!IsVersionLine(line) && !SkipToVersionLine(&line)) {
        if (source_.at_gap()) continue;
        break;
      }
      FlushPending();
      after_bad_record_ = false;
      if (!ReadRecord()) break;
    }
    if (!source_.status().ok()) {
      // A cut gzip stream: one report for the record it cut.
      if (pending_ == Pending::kReject && pending_origin_ == origin_) {
        pending_reason_ += " (" + source_.status().message() + ")";
      } else {
        FlushPending();
        pending_ = Pending::kReject;
        pending_origin_ = origin_;
        pending_reason_ = source_.status().message();
      }
    }
    FlushPending();
  }

 private:
  // Each gap is a damaged gzip member: the record in it is lost.
  // What a record yields (an article, or a reject for a garbled header)
  // is held until the input shows that its gzip member was sound: until
  // the next record starts, or the input ends. A gap for its member
  // replaces it: the damage is the one report.
  void ReportGaps() {
    for (const InputSource::Gap& gap : source_.TakeGaps()) {
      const std::string origin =
          source_.path() + ":offset " + std::to_string(gap.raw_offset);
      if (pending_ != Pending::kNone && pending_origin_ == origin) {
        pending_ = Pending::kNone;
      }
      FlushPending();
      sink_.OnReject(
          origin, "damaged gzip member (" + gap.reason + "); record skipped");
    }
    after_bad_record_ = false;
    source_.ResumeAfterGap();
  }

  void RejectRecord(std::string reason) {
    FlushPending();
    pending_ = Pending::kReject;
    pending_origin_ = origin_;
    pending_reason_ = std::move(reason);
    after_bad_record_ = true;
  }

  void HoldArticle(Article&& article) {
    FlushPending();
    pending_ = Pending::kArticle;
    pending_origin_ = origin_;
    pending_article_ = std::move(article);
  }

  void FlushPending() {
    const Pending pending = pending_;
    pending_ = Pending::kNone;
    if (pending == Pending::kReject) {
      sink_.OnReject(pending_origin_, pending_reason_);
    } else if (pending == Pending::kArticle) {
      DeliverArticle(std::move(pending_article_), "", sink_);
    }
  }

  // After bytes that are not a record: drops lines up to the next
  // "WARC/" line, left in *line. False when there is none before the end
  // of input or a gap.
  bool SkipToVersionLine(std::string* line) {
    if (!after_bad_record_) {
      sink_.OnWarning(origin_,
                      "not a WARC record header; skipped to the next record");
    }
    for (;;) {
      const uint64_t offset = source_.RawOffsetOfNextByte();
      if (!source_.ReadLine(line)) return false;
      if (IsVersionLine(*line)) {
        origin_ = source_.path() + ":offset " + std::to_string(offset);
        return true;
      }
    }
  }

  // Reads the header after the version line and the block; false when
  // the input ended. A record that cannot be used is reported and
  // skipped.
  bool ReadRecord() {
    HeaderFields fields;
    std::string line;
    for (int i = 0;; ++i) {
      if (!source_.ReadLine(&line)) {
        if (source_.at_gap()) return true;  // reported as the gap
        RejectRecord("WARC record cut short in its header");
        return false;
      }
      if (line.empty()) break;
      if (i == kMaxHeaderLines) {
        RejectRecord("WARC header longer than " +
                     std::to_string(kMaxHeaderLines) +
                     " lines; record skipped");
        return true;
      }
      AddFieldLine(line, &fields);
    }
    const std::optional<int64_t> length =
        ParseInt64(FieldValue(fields, "Content-Length"));
    if (!length || *length < 0) {
      RejectRecord("WARC record without a valid Content-Length; skipped");
      return true;
    }
    const std::string type = AsciiToLower(FieldValue(fields, "WARC-Type"));
    const bool wanted = type == "response" || type == "resource";
    const uint64_t size = static_cast<uint64_t>(*length);
    // Records are HTML pages (with their HTTP headers): the HTML limit.
    if (wanted && size > InputSource::kMaxHtmlBytes) {
      sink_.OnWarning(origin_,
                      "WARC record larger than " +
                          std::to_string(InputSource::kMaxHtmlBytes >> 20) +
                          " MiB; skipped");
    }
    std::string block;
    const bool keep = wanted && size <= InputSource::kMaxHtmlBytes;
    uint64_t got = 0;
    if (keep) {
      got = source_.Read(size, &block);
    } else {
      std::string discard;
      while (got < size) {
        discard.clear();
        const size_t n = source_.Read(
            static_cast<size_t>(std::min<uint64_t>(size - got, 1 << 20)),
            &discard);
        if (n == 0) break;
        got += n;
      }
    }
    if (got < size) {
      if (source_.at_gap()) return true;  // reported as the gap
      RejectRecord("WARC record cut short: " + std::to_string(got) + " of " +
                   std::to_string(size) + " bytes");
      return false;
    }
    if (keep) TakeRecord(type, fields, std::move(block));
    return true;
  }

  void TakeRecord(const std::string& type, const HeaderFields& fields,
                  std::string block) {
    std::string content_type;
    std::string body;
    if (type == "response") {
      if (MediaType(FieldValue(fields, "Content-Type")) != "application/http") {
        return;  // a response of another protocol (dns:, ftp:)
      }
      StatusOr<HttpResponse> response = ParseHttpResponse(block);
      if (!response.ok()) {
        sink_.OnWarning(origin_, response.status().message() + "; skipped");
        return;
      }
      if (response->status < 200 || response->status > 299) return;
      if (Status decoded = DecodeHttpBody(&*response); !decoded.ok()) {
        sink_.OnWarning(origin_, decoded.message() + "; skipped");
        return;
      }
      content_type = FieldValue(response->headers, "Content-Type");
      body = std::move(response->body);
    } else {
      content_type = FieldValue(fields, "Content-Type");
      body = std::move(block);
    }
    // A missing Content-Type is decided as the page would be: by the
    // crawler's identification, else by the first bytes.
    std::string media_type = MediaType(content_type);
    if (media_type.empty()) {
      media_type =
          MediaType(FieldValue(fields, "WARC-Identified-Payload-Type"));
    }
    const bool html = media_type.empty()
                          ? FormatFromContent(std::string_view(body).substr(
                                0, 1024)) == InputFormat::kHtml
                          : IsHtmlMediaType(media_type);
    if (html) DeliverPage(fields, content_type, std::move(body));
  }

  void DeliverPage(const HeaderFields& fields, std::string_view content_type,
                   std::string html) {
    std::string page_date;
    const std::string target(FieldValue(fields, "WARC-Target-URI"));
    Article article =
        ArticleFromHtml(std::move(html), CharsetOfContentType(content_type),
                        &page_date, target);
    article.origin = origin_;
    nlohmann::ordered_json meta = nlohmann::ordered_json::object();
    if (!target.empty()) {
      if (!article.url.empty() && article.url != target) {
        meta["canonical_url"] = article.url;
      }
      article.url = target;
    }
    if (article.source.empty()) article.source = HostOf(article.url);
    const std::string_view capture = FieldValue(fields, "WARC-Date");
    page_date = std::string(TrimWhitespace(page_date));
    article.date = page_date.empty() ? std::nullopt : ParseDate(page_date);
    if (article.date) {
      meta["date_from"] = "page";
    } else {
      if (!page_date.empty()) {
        sink_.OnWarning(origin_, "unrecognised page date \"" +
                                     page_date.substr(0, kMaxQuotedBytes) +
                                     "\"; using the capture date");
      }
      article.date = ParseDate(capture);
      if (article.date) meta["date_from"] = "capture";
    }
    if (!capture.empty()) meta["capture_date"] = capture;
    const std::string_view record_id = FieldValue(fields, "WARC-Record-ID");
    if (!record_id.empty()) meta["warc_record_id"] = record_id;
    article.meta_json =
        meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    HoldArticle(std::move(article));
  }

  InputSource& source_;
  ArticleSink& sink_;
  std::string origin_;  // of the record being read
  // What the last record yielded, not yet passed on (see ReportGaps).
  enum class Pending { kNone, kReject, kArticle };
  Pending pending_ = Pending::kNone;
  std::string pending_origin_, pending_reason_;
  Article pending_article_;
  // The lines after a rejected header are its block, not news to warn of.
  bool after_bad_record_ = false;
};

}  // namespace

Status ReadWarc(InputSource& source, ArticleSink& sink) {
  WarcRecordReader(source, sink).ReadAll();
  return Status::Ok();
}

}  // namespace chancery
