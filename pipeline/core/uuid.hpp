// Name-based UUIDs (RFC 4122 version 5: SHA-1 over a namespace and a name), so
// that the same group gets the same STIX id in every run and every article.
//
//   uuid5(name_space, "intrusion-set:Lazarus Group") == "…-5…-…"
//
// Pure functions, thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace news {

using Sha1Digest = std::array<uint8_t, 20>;
Sha1Digest sha1(std::string_view data);

std::string uuid5(const std::array<uint8_t, 16>& name_space, std::string_view name);

}  // namespace news
