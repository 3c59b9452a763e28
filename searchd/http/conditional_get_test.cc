#include "searchd/http/conditional_get.h"

#include <gtest/gtest.h>

#include <string>

namespace chancery {
namespace {

HttpRequest WithHeaders(
    std::vector<std::pair<std::string, std::string>> headers) {
  HttpRequest r;
  r.path = "/api/feed";
  r.headers = std::move(headers);
  return r;
}

TEST(HttpDateTest, FormatsAndParsesImfFixdate) {
  // RFC 9110's example.
  EXPECT_EQ(FormatHttpDate(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(ParseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
  EXPECT_EQ(FormatHttpDate(0), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(FormatHttpDate(951782400), "Tue, 29 Feb 2000 00:00:00 GMT");
  for (int64_t t : {int64_t{0}, int64_t{1709294400}, int64_t{4102444799}}) {
    EXPECT_EQ(ParseHttpDate(FormatHttpDate(t)), t);
  }
}

TEST(HttpDateTest, RejectsOtherForms) {
  for (const char* bad :
       {"", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
        "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 31 Feb 1994 08:49:37 GMT",
        "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 0x Nov 1994 08:49:37 GMT"}) {
    EXPECT_FALSE(ParseHttpDate(bad)) << bad;
  }
}

TEST(EntityTagTest, IsQuotedAndFollowsTheBody) {
  const std::string tag = EntityTag("body");
  EXPECT_EQ(tag.size(), 18u);
  EXPECT_EQ(tag.front(), '"');
  EXPECT_EQ(tag.back(), '"');
  EXPECT_EQ(tag, EntityTag("body"));
  EXPECT_NE(tag, EntityTag("body2"));
}

TEST(ConditionalGetTest, IfNoneMatchComparesWeaklyAndWins) {
  Validators v{.etag = EntityTag("x"), .last_modified = 1000};
  EXPECT_FALSE(ClientCopyIsCurrent(WithHeaders({}), v));
  EXPECT_TRUE(ClientCopyIsCurrent(WithHeaders({{"If-None-Match", v.etag}}), v));
  EXPECT_TRUE(ClientCopyIsCurrent(
      WithHeaders({{"if-none-match", "\"other\", W/" + v.etag}}), v));
  EXPECT_TRUE(ClientCopyIsCurrent(WithHeaders({{"If-None-Match", "*"}}), v));
  // A stale tag is not overruled by a current date.
  EXPECT_FALSE(ClientCopyIsCurrent(
      WithHeaders({{"If-None-Match", "\"stale\""},
                   {"If-Modified-Since", FormatHttpDate(2000)}}),
      v));
  HttpRequest post = WithHeaders({{"If-None-Match", v.etag}});
  post.method = "POST";
  EXPECT_FALSE(ClientCopyIsCurrent(post, v));
}

TEST(ConditionalGetTest, IfModifiedSince) {
  Validators v{.etag = EntityTag("x"), .last_modified = 1000};
  auto since = [&](const std::string& date) {
    return ClientCopyIsCurrent(WithHeaders({{"If-Modified-Since", date}}), v);
  };
  EXPECT_TRUE(since(FormatHttpDate(1000)));
  EXPECT_TRUE(since(FormatHttpDate(5000)));
  EXPECT_FALSE(since(FormatHttpDate(999)));
  EXPECT_FALSE(since("garbage"));
  v.last_modified.reset();
  EXPECT_FALSE(since(FormatHttpDate(5000)));
}

TEST(ConditionalGetTest, NotModifiedHasNoBodyAndTheValidators) {
  Validators v{.etag = "\"t\"", .last_modified = 784111777};
  HttpResponse r = NotModifiedResponse(v, "no-cache");
  EXPECT_EQ(r.status, 304);
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.headers, (std::vector<std::pair<std::string, std::string>>{
                           {"ETag", "\"t\""},
                           {"Last-Modified", "Sun, 06 Nov 1994 08:49:37 GMT"},
                           {"Cache-Control", "no-cache"}}));
}

}  // namespace
}  // namespace chancery
