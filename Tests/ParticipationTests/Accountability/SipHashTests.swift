import Participation
import Testing

@Suite("SipHash-2-4 and pseudonyms")
struct SipHashTests {
    /// The reference implementation's vectors (vectors.h): key 00…0f, message 00 01 … (n-1).
    static let vectors: [UInt64] = [
        0x726f_db47_dd0e_0e31, 0x74f8_39c5_93dc_67fd, 0x0d6c_8009_d9a9_4f5a, 0x8567_6696_d7fb_7e2d,
        0xcf27_94e0_2771_87b7, 0x1876_5564_cd99_a68d, 0xcbc9_466e_58fe_e3ce, 0xab02_00f5_8b01_d137,
        0x93f5_f579_9a93_2462, 0x9e00_82df_0ba9_e4b0, 0x7a5d_bbc5_94dd_b9f3, 0xf4b3_2f46_226b_ada7,
        0x751e_8fbc_860e_e5fb, 0x14ea_5627_c084_3d90, 0xf723_ca90_8e7a_f2ee, 0xa129_ca61_49be_45e5,
        0x3f2a_cc7f_57c2_9bdb, 0x699a_e9f5_2cbe_4794, 0x4bc1_b3f0_968d_d39c, 0xbb6d_c91d_a779_61bd,
    ]

    @Test(arguments: 0..<20)
    func matchesTheReferenceVectors(_ length: Int) {
        let hasher = SipHash24(key: (0..<16).map { UInt8($0) })
        #expect(hasher.hash((0..<length).map { UInt8($0) }) == Self.vectors[length])
    }

    @Test func theKeyHalvesAreLittleEndian() {
        let hasher = SipHash24(k0: 0x0706_0504_0302_0100, k1: 0x0f0e_0d0c_0b0a_0908)
        #expect(hasher.hash([UInt8]()) == 0x726f_db47_dd0e_0e31)
    }

    @Test func pseudonymsAreStablePerTenantAndDifferAcrossTenantsAndSecrets() throws {
        let secret = "a tenant secret of enough bytes"
        let grenoble = try Pseudonymiser(secret: secret, tenantID: "grenoble")
        let again = try Pseudonymiser(secret: secret, tenantID: "grenoble")
        let lyon = try Pseudonymiser(secret: secret, tenantID: "lyon")
        let rotated = try Pseudonymiser(secret: "another secret, rotated", tenantID: "grenoble")
        let alice: ParticipantID = "participant-2"
        #expect(grenoble.pseudonym(for: alice) == again.pseudonym(for: alice))
        #expect(grenoble.pseudonym(for: alice) != lyon.pseudonym(for: alice))
        #expect(grenoble.pseudonym(for: alice) != rotated.pseudonym(for: alice))
        #expect(grenoble.pseudonym(for: alice) != grenoble.pseudonym(for: "participant-3"))
        #expect(grenoble.pseudonym(for: alice).count == "pseudo-".count + 16)
        #expect(throws: ParticipationError.self) { try Pseudonymiser(secret: "short", tenantID: "grenoble") }
    }
}
