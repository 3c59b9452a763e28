#include "indexer/readers/furniture_line.h"

#include <gtest/gtest.h>

#include <string>

namespace chancery {
namespace {

bool IsFurniture(const std::string& line, double link_density = 0) {
  int chars = 0;
  for (char c : line) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != ' ') ++chars;
  }
  return IsFurnitureLine(line, chars, link_density);
}

TEST(FurnitureLineTest, LeadInsToOtherStories) {
  EXPECT_TRUE(IsFurniture("Lesen Sie auch: Ein anderer Artikel"));
  EXPECT_TRUE(IsFurniture("VEA TAMBIÉN: Otra noticia"));
  EXPECT_TRUE(IsFurniture("Zobacz również"));
  EXPECT_TRUE(IsFurniture("  Read more:  "));
  EXPECT_TRUE(IsFurniture("Read more about it here", /*link_density=*/0.8));
  EXPECT_FALSE(IsFurniture("Read more about the study in the journal."));
  EXPECT_FALSE(IsFurniture("Relatedness of the two species is unclear:"));
}

TEST(FurnitureLineTest, CreditsDatesMarkersAndNetworks) {
  EXPECT_TRUE(IsFurniture("Foto: Jane Doe / Agency"));
  EXPECT_TRUE(IsFurniture("(Credit: Grist)"));
  EXPECT_TRUE(IsFurniture("Last modified: 03-10-2004"));
  EXPECT_TRUE(IsFurniture("Anzeige"));
  EXPECT_TRUE(IsFurniture("Von:"));
  EXPECT_TRUE(IsFurniture("Follow us on Twitter and Facebook"));
  EXPECT_FALSE(IsFurniture("Facebook changed its feed again on Monday."));
  EXPECT_FALSE(IsFurniture("Bildung ist teuer."));
}

TEST(FurnitureLineTest, AppealsToTheReaderAndContactLabels) {
  EXPECT_TRUE(IsFurniture(
      "Already a subscriber? Log in to read the rest of this report."));
  EXPECT_TRUE(
      IsFurniture("This story is the copyrighted property of the "
                  "Example Herald. All rights reserved."));
  EXPECT_TRUE(IsFurniture("Get our apps for iOS and Android."));
  EXPECT_TRUE(IsFurniture("Möchten Sie den Artikel teilen?"));
  EXPECT_TRUE(IsFurniture("Kontakt:"));
  EXPECT_FALSE(IsFurniture("Kontakt zu den Behörden hatte er keinen."));
  EXPECT_FALSE(IsFurniture("The court ruled on the rights of tenants."));
}

}  // namespace
}  // namespace chancery
