#include "searchd/http/atom_feed.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>

#include <string>

#include "searchd/http/atom_rfc_check.h"

namespace chancery {
namespace {

using atom_check::AtomErrors;

AtomFeed SampleFeed() {
  AtomFeed feed;
  feed.id = "urn:chancery:feed:q=a%26b";
  feed.title = "Chancery: \u201ca & b\u201d <script>";
  feed.updated = "2024-03-01T12:00:00Z";
  feed.author = "Chancery";
  feed.self_href = "http://h/api/feed?q=a%26b&country=FR";
  feed.alternate_href = "http://h/?q=a%26b&sort=date";
  AtomEntry e;
  e.id = "urn:chancery:article:a1";
  e.title = "Tom & Jerry <b>\"quoted\"</b> \x01\x7f";
  e.updated = "2024-03-01T12:00:00Z";
  e.published = e.updated;
  e.summary = "x < y && ]]> end";
  e.source_title = "Reuters";
  e.alternate_href = "https://example.org/a?x=1&y=\"2\"";
  e.related_href = "http://h/?doc=a1";
  feed.entries.push_back(e);
  return feed;
}

TEST(AtomFeedTest, RendersAValidFeedThatKeepsEveryCharacter) {
  StatusOr<std::string> xml = RenderAtomFeed(SampleFeed());
  ASSERT_TRUE(xml.ok()) << xml.status().ToString();
  EXPECT_TRUE(AtomErrors(*xml).empty())
      << testing::PrintToString(AtomErrors(*xml)) << "\n"
      << *xml;
  EXPECT_EQ(xml->rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u);
  // The parsed text is what was given (less the forbidden U+0001).
  xmlDoc* doc = xmlReadMemory(xml->data(), static_cast<int>(xml->size()),
                              "f.atom", nullptr, XML_PARSE_NONET);
  ASSERT_NE(doc, nullptr);
  const xmlNode* root = xmlDocGetRootElement(doc);
  EXPECT_EQ(atom_check::Text(atom_check::Children(root, "title")[0]),
            "Chancery: \u201ca & b\u201d <script>");
  const xmlNode* entry = atom_check::Children(root, "entry")[0];
  EXPECT_EQ(atom_check::Text(atom_check::Children(entry, "title")[0]),
            "Tom & Jerry <b>\"quoted\"</b> \x7f");
  EXPECT_EQ(atom_check::Text(atom_check::Children(entry, "summary")[0]),
            "x < y && ]]> end");
  const auto links = atom_check::Children(entry, "link");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(atom_check::Attr(links[0], "rel"), "alternate");
  EXPECT_EQ(atom_check::Attr(links[0], "href"),
            "https://example.org/a?x=1&y=\"2\"");
  EXPECT_EQ(atom_check::Attr(links[1], "rel"), "related");
  const auto source = atom_check::Children(entry, "source");
  ASSERT_EQ(source.size(), 1u);
  EXPECT_EQ(atom_check::Text(atom_check::Children(source[0], "title").at(0)),
            "Reuters");
  xmlFreeDoc(doc);
}

TEST(AtomFeedTest, AnEmptyFeedIsValid) {
  AtomFeed feed = SampleFeed();
  feed.entries.clear();
  StatusOr<std::string> xml = RenderAtomFeed(feed);
  ASSERT_TRUE(xml.ok());
  EXPECT_TRUE(AtomErrors(*xml).empty()) << *xml;
}

// The checker itself fails feeds that break the RFC.
TEST(AtomFeedTest, TheCheckerFindsWhatTheRfcForbids) {
  AtomFeed feed = SampleFeed();
  feed.author.clear();  // And the entry has none.
  feed.entries[0].alternate_href.clear();
  feed.entries[0].updated = "yesterday";
  feed.id = "not an iri";
  StatusOr<std::string> xml = RenderAtomFeed(feed);
  ASSERT_TRUE(xml.ok());
  const std::vector<std::string> errors = AtomErrors(*xml);
  EXPECT_EQ(errors.size(), 4u) << testing::PrintToString(errors);
  EXPECT_EQ(AtomErrors("<feed>").size(), 1u);
  EXPECT_EQ(AtomErrors("<rss/>").front(),
            "the root is not an Atom feed element");
}

TEST(AtomFeedTest, XmlCharactersDropsWhatXmlForbids) {
  EXPECT_EQ(XmlCharacters("a\tb\nc\rd"), "a\tb\nc\rd");
  EXPECT_EQ(XmlCharacters(std::string("a\0b\x01\x1f", 5)), "ab");
  EXPECT_EQ(XmlCharacters("\xef\xbf\xbe\xef\xbf\xbfok\xef\xbf\xbd"),
            "ok\xef\xbf\xbd");
  EXPECT_EQ(XmlCharacters("caf\xc3"), "caf\xef\xbf\xbd");  // Cut UTF-8.
  EXPECT_EQ(XmlCharacters("\u00e9\u4e60"), "\u00e9\u4e60");
}

TEST(AtomFeedTest, SnippetPlainTextUndoesTheSnippetMarkup) {
  EXPECT_EQ(SnippetPlainText("&lt;b&gt;St\u00e9phane <mark>S\u00e9journ\u00e9"
                             "</mark>&lt;/b&gt; <mark>talked</mark> &amp; "
                             "&quot;met&quot; &#39;x&#39;"),
            "<b>St\u00e9phane S\u00e9journ\u00e9</b> talked & \"met\" 'x'");
  EXPECT_EQ(SnippetPlainText("AT&T &amp;amp; &nbsp;"), "AT&T &amp; &nbsp;");
  EXPECT_EQ(SnippetPlainText("cut <mar"), "cut ");
  EXPECT_EQ(SnippetPlainText(""), "");
}

}  // namespace
}  // namespace chancery
