/** FtM/Aleph mappings for the police files (written next to each file as *.mapping.yml). */

export const PERSONS_MAPPING = `# Police register (BVH) persons export: semicolon-separated, Dutch dates (dd-mm-jjjj), CRLF.
politie_personen:
  queries:
    - entities:
        persoon:
          schema: Person
          keys: [registratienummer]
          key_literal: persoon
          properties:
            name: { template: "{{voornamen}} {{achternaam}}" }
            firstName: { column: voornamen }
            lastName: { column: achternaam }
            birthDate: { column: geboortedatum, format: "%d-%m-%Y" }
            birthPlace: { column: geboorteplaats }
            nationality: { column: nationaliteit }
            address: { columns: [straat, huisnummer, postcode, woonplaats], join: " " }
            phone: { column: telefoon }
            idNumber: { column: registratienummer }
            addressEntity: { entity: adres }
        adres:
          schema: Address
          keys: [postcode, huisnummer]
          properties:
            full: { columns: [straat, huisnummer, postcode, woonplaats], join: " ", required: true }
            street: { columns: [straat, huisnummer], join: " " }
            postalCode: { column: postcode }
            city: { column: woonplaats }
            country: { literal: NL }
        telefoon:
          schema: Phone
          keys: [telefoon]
          properties:
            number: { column: telefoon, required: true }
            owner: { entity: persoon }
`;

export const VEHICLES_MAPPING = `# Vehicle registrations looked up for police files: the holder is a person or a company.
politie_voertuigen:
  queries:
    - filters: { houder_soort: natuurlijk persoon }
      entities:
        houder:
          schema: Person
          keys: [houder_naam, houder_geboortedatum]
          key_literal: houder
          properties:
            name: { column: houder_naam }
            birthDate: { column: houder_geboortedatum, format: "%d-%m-%Y" }
            address: { column: houder_adres }
        voertuig: &voertuig
          schema: Vehicle
          keys: [kenteken]
          properties:
            registrationNumber: { column: kenteken }
            model: { template: "{{merk}} {{handelsbenaming}}" }
            type: { column: voertuigsoort }
            registrationDate: { column: datum_tenaamstelling, format: "%d-%m-%Y" }
            owner: { entity: houder }
    - filters: { houder_soort: rechtspersoon }
      entities:
        houder:
          schema: Company
          keys: [houder_kvk]
          key_literal: houder
          properties:
            name: { column: houder_naam }
            registrationNumber: { column: houder_kvk }
            address: { column: houder_adres }
        voertuig: *voertuig
`;

export const INCIDENTS_MAPPING = `# Police incident and arrest registrations (BVH), one row per person involved.
politie_incidenten:
  queries:
    - entities:
        incident:
          schema: Event
          keys: [incidentnummer]
          properties:
            name: { column: soort }
            date: { column: datum, format: "%d-%m-%Y" }
            description: { column: omschrijving }
            location: { columns: [straat, plaats], join: ", " }
            recordId: { column: incidentnummer }
            involved: { entity: betrokkene }
        betrokkene:
          schema: Person
          keys: [betrokkene_registratienummer]
          key_literal: persoon
          properties:
            name: { column: betrokkene_naam }
            birthDate: { column: betrokkene_geboortedatum, format: "%d-%m-%Y" }
`;

export const TAP_MAPPING = `# Call detail records from the operators (lawful interception, Sv art. 126n): comma-separated,
# ISO timestamps. A party per number (named after the subscriber when the operator knows one)
# owns a Phone; each record is a Communication between the two parties.
politie_verkeersgegevens:
  queries:
    - entities:
        a_partij:
          schema: LegalEntity
          keys: [a_nummer]
          key_literal: partij
          properties:
            name: { column: a_abonnee }
            phone: { column: a_nummer }
        b_partij:
          schema: LegalEntity
          keys: [b_nummer]
          key_literal: partij
          properties:
            name: { column: b_abonnee }
            phone: { column: b_nummer }
        a_telefoon:
          schema: Phone
          keys: [a_nummer]
          properties:
            number: { column: a_nummer }
            imei: { column: a_imei }
            owner: { entity: a_partij }
        b_telefoon:
          schema: Phone
          keys: [b_nummer]
          properties:
            number: { column: b_nummer }
            owner: { entity: b_partij }
        verbinding:
          schema: Communication
          keys: [cdr_id]
          properties:
            kind: { column: soort }
            date: { column: start }
            duration: { column: duur_sec }
            callerNumber: { column: a_nummer }
            receiverNumber: { column: b_nummer }
            caller: { entity: a_partij }
            receiver: { entity: b_partij }
`;
