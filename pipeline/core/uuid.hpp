// Name-based UUIDs (RFC 4122 version 5: SHA-1 over a namespace and a name), so
// that the same group gets the same STIX id in every run and every article.
//
//   uuid5(kStixNamespace, "intrusion-set:Lazarus Group") == "…-5…-…"
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

// The namespace STIX 2.1 gives for deterministic identifiers (section 2.9).
inline constexpr std::array<uint8_t, 16> kStixNamespace = {0x00, 0xab, 0xed, 0xb4, 0xaa, 0x42, 0x46, 0x6c,
                                                           0x9c, 0x01, 0xfe, 0xd2, 0x33, 0x15, 0xa9, 0xb7};
std::string uuid5(const std::array<uint8_t, 16>& name_space, std::string_view name);

}  // namespace news
