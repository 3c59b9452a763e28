// chancery-index: builds and updates a Chancery index. See the README.
#include <iostream>

#include "indexer/indexer_command.h"

int main(int argc, char** argv) {
  auto options = chancery::ParseIndexerArgs(argc, argv);
  if (!options.ok()) {
    std::cerr << "chancery-index: " << options.status().message()
              << "\n(try chancery-index --help)\n";
    return chancery::kExitUsage;
  }
  if (options->help) {
    std::cout << chancery::IndexerUsage();
    return chancery::kExitOk;
  }
  return chancery::RunIndexer(*options);
}
