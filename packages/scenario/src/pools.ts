/** Word lists the population is drawn from: names by origin, places, company name parts. */

export type Origin = "nl" | "ma" | "tr" | "co" | "de" | "gb" | "be";

export interface NamePool {
  male: readonly string[];
  female: readonly string[];
  last: readonly string[];
  /** Weight in the Dutch background population. */
  weight: number;
  nationality: string;
}

export const NAMES: Record<Origin, NamePool> = {
  nl: {
    male: ["Jan", "Pieter", "Kees", "Dennis", "Mark", "Thijs", "Bram", "Sander", "Ruud", "Joost", "Wouter", "Martijn", "Bas", "Niels", "Erik", "Henk", "Gert", "Daan", "Lars", "Stefan", "Jeroen", "Rob", "Koen", "Tom", "Sem", "Finn", "Luuk", "Jesse", "Rik", "Willem"],
    female: ["Anna", "Sanne", "Lotte", "Femke", "Marieke", "Ingrid", "Eva", "Sophie", "Anouk", "Linda", "Petra", "Esther", "Fleur", "Iris", "Julia", "Lisa", "Nienke", "Maaike", "Kim", "Yvonne", "Joke", "Els", "Noor", "Emma", "Tess", "Sara", "Roos", "Mirjam", "Hanneke", "Karin"],
    last: ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "de Bruin", "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Kuipers", "van Wijk", "Post", "Kramer", "Groen", "Koning", "Bosman", "Boersma", "Wijnands", "Timmermans"],
    weight: 0.72, nationality: "NL",
  },
  ma: {
    male: ["Mohammed", "Ahmed", "Youssef", "Karim", "Mustafa", "Hamza", "Bilal", "Said", "Rachid", "Abdelkader", "Nordin", "Ayoub", "Soufiane", "Khalid", "Hicham"],
    female: ["Fatima", "Khadija", "Naima", "Samira", "Latifa", "Malika", "Imane", "Salma", "Nadia", "Zineb"],
    last: ["El Amrani", "Bouzid", "El Idrissi", "Benali", "Azzouz", "El Khatib", "Ouali", "Tahiri", "Chaouki", "Ait Taleb", "El Hamdaoui", "Boukhari", "Ziani", "Essafi", "Lamrani"],
    weight: 0.1, nationality: "MA",
  },
  tr: {
    male: ["Mehmet", "Mustafa", "Ahmet", "Yusuf", "Emre", "Hakan", "Murat", "Burak", "Kemal", "Serkan", "Oğuz", "Ömer"],
    female: ["Ayşe", "Fatma", "Elif", "Zeynep", "Emine", "Hatice", "Büşra", "Derya"],
    last: ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Koç", "Kurt"],
    weight: 0.08, nationality: "TR",
  },
  co: {
    male: ["José", "Juan Carlos", "Andrés", "Jhon Jairo", "Carlos Alberto", "Luis Fernando", "Diego", "Héctor", "Álvaro", "Fabio"],
    female: ["María Fernanda", "Luz Marina", "Ana María", "Claudia", "Paola", "Sandra Milena"],
    last: ["Restrepo Castaño", "Gómez Ospina", "Rodríguez Muñoz", "Martínez Peña", "Londoño Vélez", "García Zuluaga", "Hernández Ríos", "Cárdenas Mejía", "Vargas Quintero", "Salazar Arango"],
    weight: 0.03, nationality: "CO",
  },
  de: {
    male: ["Lukas", "Jonas", "Maximilian", "Felix", "Stefan", "Jürgen", "Matthias"],
    female: ["Anna", "Lena", "Katrin", "Sabine", "Jana"],
    last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schäfer", "Köhler"],
    weight: 0.03, nationality: "DE",
  },
  gb: {
    male: ["James", "Oliver", "Jack", "Harry", "Daniel", "Liam", "Connor"],
    female: ["Olivia", "Amelia", "Emily", "Charlotte", "Chloe"],
    last: ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Walker", "O'Brien", "McCarthy"],
    weight: 0.02, nationality: "GB",
  },
  be: {
    male: ["Wim", "Koen", "Jens", "Pieter-Jan", "Geert", "Dries"],
    female: ["An", "Griet", "Lien", "Katrien", "Els"],
    last: ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet"],
    weight: 0.02, nationality: "BE",
  },
};

/** Spelling variants an official or a bank clerk may write for the same name (transliterations). */
export const VARIANTS: Record<string, readonly string[]> = {
  Mohammed: ["Mohamed", "Muhammad", "Mohammad", "Mohamad", "Mohammed"],
  Youssef: ["Yousef", "Youssouf", "Yusuf", "Jousef"],
  Yusuf: ["Youssef", "Yousuf", "Jusuf"],
  Mustafa: ["Mustapha", "Moustafa", "Mostafa"],
  Ahmed: ["Ahmad", "Achmed", "Ahmet"],
  Rachid: ["Rashid", "Rasheed", "Rachied"],
  Said: ["Saïd", "Saeed", "Saaid"],
  Khalid: ["Khaled", "Chalid"],
  Hicham: ["Hisham", "Hichem"],
  "El Amrani": ["Amrani", "El-Amrani", "Elamrani", "El Amrany"],
  "El Idrissi": ["Idrissi", "El-Idrissi", "Elidrissi"],
  "El Khatib": ["Khatib", "El-Khatib", "Elkhatib"],
  "El Hamdaoui": ["Hamdaoui", "El-Hamdaoui"],
  Yılmaz: ["Yilmaz", "Yilmas"],
  Şahin: ["Sahin", "Schahin"],
  Çelik: ["Celik", "Tschelik"],
  Yıldız: ["Yildiz", "Yildis"],
  Öztürk: ["Ozturk", "Oeztuerk"],
  Özdemir: ["Ozdemir", "Oezdemir"],
  Doğan: ["Dogan", "Doan"],
  Kılıç: ["Kilic", "Kilich"],
  Ayşe: ["Ayse", "Aysche"],
  Oğuz: ["Oguz"],
  Ömer: ["Omer", "Oemer"],
  Büşra: ["Busra"],
  José: ["Jose"],
  Héctor: ["Hector"],
  Álvaro: ["Alvaro"],
  "Jhon Jairo": ["John Jairo", "Jhon J.", "Jon Jairo"],
  "Restrepo Castaño": ["Restrepo Castano", "Restrepo", "Restrepo-Castaño"],
  "Gómez Ospina": ["Gomez Ospina", "Gómez"],
  "Rodríguez Muñoz": ["Rodriguez Munoz", "Rodríguez"],
  Müller: ["Mueller", "Muller"],
  Schäfer: ["Schaefer", "Schafer"],
  Köhler: ["Koehler", "Kohler"],
  "de Jong": ["De Jong", "Jong, de", "de Jongh"],
  "van den Berg": ["Van den Berg", "v.d. Berg", "van de Berg"],
  "van Dijk": ["Van Dijk", "van Dyk", "v. Dijk"],
  "de Groot": ["De Groot", "de Grood"],
  "van Wijk": ["Van Wijk", "van Wyk"],
  Jansen: ["Janssen", "Jansens"],
  Janssen: ["Jansen"],
};

export interface City {
  name: string;
  postcode: number;
  country: string;
}

/** Dutch places with a postcode range start (four digits). */
export const NL_CITIES: readonly City[] = [
  { name: "Rotterdam", postcode: 3011, country: "NL" }, { name: "Amsterdam", postcode: 1011, country: "NL" },
  { name: "Den Haag", postcode: 2511, country: "NL" }, { name: "Utrecht", postcode: 3511, country: "NL" },
  { name: "Eindhoven", postcode: 5611, country: "NL" }, { name: "Tilburg", postcode: 5011, country: "NL" },
  { name: "Breda", postcode: 4811, country: "NL" }, { name: "Schiedam", postcode: 3111, country: "NL" },
  { name: "Vlaardingen", postcode: 3131, country: "NL" }, { name: "Spijkenisse", postcode: 3201, country: "NL" },
  { name: "Dordrecht", postcode: 3311, country: "NL" }, { name: "Almere", postcode: 1311, country: "NL" },
  { name: "Groningen", postcode: 9711, country: "NL" }, { name: "Zwolle", postcode: 8011, country: "NL" },
  { name: "Nijmegen", postcode: 6511, country: "NL" }, { name: "Venlo", postcode: 5911, country: "NL" },
  { name: "Maassluis", postcode: 3141, country: "NL" }, { name: "Barendrecht", postcode: 2991, country: "NL" },
];

export const STREETS: readonly string[] = [
  "Kerkstraat", "Dorpsstraat", "Schoolstraat", "Molenweg", "Stationsweg", "Havenstraat", "Beatrixlaan", "Julianastraat",
  "Wilhelminaweg", "Nieuwe Binnenweg", "Coolsingel", "Kade", "Prins Hendrikkade", "Marconistraat", "Waalhaven Oostzijde",
  "Vierhavensstraat", "Keileweg", "Brielselaan", "Dorpsweg", "Groene Hilledijk", "Lange Hilleweg", "Pleinweg",
  "Beijerlandselaan", "Putselaan", "Maasboulevard", "Slinge", "Zuidplein", "Laan op Zuid", "Vlietlaan", "Parkweg",
];

export const LEGAL_FORMS_NL = ["B.V.", "V.O.F.", "Holding B.V.", "Eenmanszaak"] as const;

export const COMPANY_WORDS: readonly string[] = [
  "Maas", "Delta", "Noord", "Haven", "Polder", "Tulip", "Oranje", "Rijn", "Zeeland", "Lage Landen", "Vos", "Dijk", "Kroon",
  "Horizon", "Atlas", "Vector", "Nova", "Prima", "Euro", "Global", "Stad", "Molen", "Brug", "Kade", "Anker",
];

export const COMPANY_TRADES: readonly string[] = [
  "Bouw", "Logistiek", "Transport", "Schoonmaak", "Installatietechniek", "Consultancy", "Vastgoed", "Autoverhuur",
  "Handelsonderneming", "Import & Export", "Groothandel", "Bakkerij", "Kapsalon", "Fietsen", "ICT", "Horeca",
  "Beveiliging", "Uitzendbureau", "Tegelzetters", "Schilders", "Reclame", "Verhuizingen", "Fruit", "Bloemen",
];

/** World ports and the countries they lie in (customs declarations). */
export const PORTS: readonly { name: string; country: string; code: string }[] = [
  { name: "Shanghai", country: "CN", code: "CNSHA" }, { name: "Ningbo", country: "CN", code: "CNNGB" },
  { name: "Singapore", country: "SG", code: "SGSIN" }, { name: "Santos", country: "BR", code: "BRSSZ" },
  { name: "New York", country: "US", code: "USNYC" }, { name: "Durban", country: "ZA", code: "ZADUR" },
  { name: "Mumbai", country: "IN", code: "INBOM" }, { name: "Busan", country: "KR", code: "KRPUS" },
  { name: "Valencia", country: "ES", code: "ESVLC" }, { name: "Callao", country: "PE", code: "PECLL" },
  { name: "Cartagena", country: "CO", code: "COCTG" }, { name: "Puerto Bolívar", country: "EC", code: "ECPBO" },
  { name: "Guayaquil", country: "EC", code: "ECGYE" }, { name: "Moín", country: "CR", code: "CRMOB" },
];

/** HS codes and goods (the HS 2022 headings most seen on reefer and dry-box declarations). */
export const GOODS: readonly { hs: string; text: string }[] = [
  { hs: "0803.90", text: "Bananas, fresh" }, { hs: "0804.40", text: "Avocados, fresh" }, { hs: "0805.10", text: "Oranges" },
  { hs: "0901.11", text: "Coffee, not roasted" }, { hs: "8471.30", text: "Laptops" }, { hs: "9403.60", text: "Wooden furniture" },
  { hs: "6109.10", text: "Cotton T-shirts" }, { hs: "8528.72", text: "Television sets" }, { hs: "3926.90", text: "Plastic articles" },
  { hs: "7308.90", text: "Steel structures" }, { hs: "0306.17", text: "Frozen shrimp" }, { hs: "2204.21", text: "Wine" },
];

export const CARRIERS: readonly string[] = ["Maersk", "MSC", "CMA CGM", "Hapag-Lloyd", "ONE", "Evergreen", "COSCO"];

/** ISO 6346 owner codes (3 letters, category U). */
export const CONTAINER_OWNERS: readonly string[] = ["MSK", "MSC", "CMA", "HLX", "ONE", "EVE", "CSN", "TGH", "TCL", "SEG"];

export const CAR_MAKES: readonly { make: string; models: readonly string[] }[] = [
  { make: "Volkswagen", models: ["Golf", "Polo", "Transporter", "Passat"] }, { make: "Toyota", models: ["Yaris", "Corolla", "RAV4"] },
  { make: "BMW", models: ["3-serie", "X5", "5-serie"] }, { make: "Mercedes-Benz", models: ["Sprinter", "C-klasse", "E-klasse"] },
  { make: "Renault", models: ["Clio", "Master", "Kangoo"] }, { make: "Audi", models: ["A4", "A6", "Q7"] }, { make: "Kia", models: ["Picanto", "Niro"] },
];

export const COLOURS: readonly string[] = ["zwart", "grijs", "wit", "blauw", "rood", "zilver"];
