/**
 * The raw material of the fictional demo data: industries with the kinds of firms in them,
 * hand-picked labor-market regions (real county FIPS codes), and names. Every company, person and
 * agency made from these lists is invented.
 */
import type { OrganizationKind, Seniority, Setting, SizeBand, Stage } from "../core/vocabulary.js";

export type SectorKey =
  | "manufacturing"
  | "health"
  | "technology"
  | "logistics"
  | "food"
  | "construction"
  | "energy"
  | "hospitality";

export interface BusinessType {
  /** NAICS 2017 code at the 6-digit level. */
  naics: string;
  stems: readonly string[];
  sizes: readonly (readonly [SizeBand, number])[];
}

export interface SectorSpec {
  key: SectorKey;
  /** As it reads in a partnership's name: "Northern Colorado Manufacturing Partnership". */
  label: string;
  /** Ways partnerships of this industry register their NAICS codes. */
  codeSets: readonly (readonly string[])[];
  /** Weight in the national data set. */
  weight: number;
  /** What business leaders in the industry tend to name as priorities. */
  priorities: readonly string[];
  /** A plural noun for the firms: "manufacturers", "hospitals and clinics". */
  firms: string;
  businessTitles: readonly string[];
  types: readonly BusinessType[];
}

const small: BusinessType["sizes"] = [
  ["1-9", 3],
  ["10-49", 5],
  ["50-249", 2],
];
const medium: BusinessType["sizes"] = [
  ["10-49", 3],
  ["50-249", 5],
  ["250-999", 2],
  ["1000+", 0.5],
];
const large: BusinessType["sizes"] = [
  ["50-249", 2],
  ["250-999", 4],
  ["1000+", 3],
];

const leaders = [
  "Chief Executive Officer",
  "President",
  "Owner",
  "Human Resources Director",
  "General Manager",
];

/** A demo business person's seniority, read from their title (owners and CEOs lead, then executives). */
export function seniorityOfTitle(title: string | null | undefined): Seniority | null {
  if (!title) return null;
  if (/^(Owner|President|Chief Executive Officer)$/.test(title)) return "owner_ceo";
  if (/Chief|Vice President|Director|General Manager|Executive Chef/.test(title)) return "executive";
  if (/Manager|Superintendent|Partner/.test(title)) return "manager";
  return "other";
}

export const sectors: readonly SectorSpec[] = [
  {
    key: "manufacturing",
    label: "Manufacturing",
    codeSets: [["31-33"], ["332", "333"], ["3363"], ["336"]],
    weight: 30,
    firms: "manufacturers",
    priorities: [
      "recruiting and training skilled production workers",
      "building apprenticeships for machinists and maintenance technicians",
      "showing young people what modern manufacturing careers look like",
      "sharing the cost of supervisor training",
      "improving transportation to industrial parks",
      "growing local suppliers",
    ],
    businessTitles: [...leaders, "Plant Manager", "Director of Operations", "Training Manager"],
    types: [
      { naics: "332710", stems: ["Machine Works", "Precision Machining", "Machining"], sizes: small },
      { naics: "332312", stems: ["Steel Fabricators", "Metal Fabrication"], sizes: medium },
      { naics: "333249", stems: ["Industrial Equipment", "Machinery"], sizes: medium },
      { naics: "336390", stems: ["Automotive Components", "Drivetrain Systems"], sizes: medium },
      { naics: "336370", stems: ["Stamping", "Metal Forming"], sizes: medium },
      { naics: "336350", stems: ["Powertrain", "Transmission Products"], sizes: large },
      { naics: "336413", stems: ["Aerospace", "Aero Components"], sizes: medium },
      { naics: "326199", stems: ["Plastics", "Molding"], sizes: medium },
      { naics: "334418", stems: ["Electronics", "Circuit Assemblies"], sizes: medium },
      { naics: "321911", stems: ["Millwork", "Windows and Doors"], sizes: small },
      { naics: "339112", stems: ["Medical Devices", "Surgical Instruments"], sizes: medium },
      { naics: "325412", stems: ["Pharmaceuticals", "Laboratories"], sizes: large },
    ],
  },
  {
    key: "health",
    label: "Health Care",
    codeSets: [["62"], ["622", "6216"], ["621", "622", "623"]],
    weight: 22,
    firms: "hospitals, clinics and care providers",
    priorities: [
      "filling nursing and allied health vacancies",
      "building career ladders from nursing assistant to registered nurse",
      "recruiting behavioral health professionals",
      "expanding clinical placements for students",
      "keeping new graduates in the region",
      "finding child care for shift workers",
    ],
    businessTitles: [...leaders, "Chief Nursing Officer", "Director of Talent Acquisition", "Clinic Manager"],
    types: [
      {
        naics: "622110",
        stems: ["Regional Medical Center", "Memorial Hospital", "Health System"],
        sizes: large,
      },
      { naics: "622210", stems: ["Behavioral Health Hospital"], sizes: medium },
      { naics: "621111", stems: ["Family Medicine", "Medical Group"], sizes: small },
      { naics: "621210", stems: ["Dental Group", "Family Dentistry"], sizes: small },
      { naics: "621610", stems: ["Home Health", "Home Care"], sizes: medium },
      { naics: "621493", stems: ["Urgent Care"], sizes: small },
      { naics: "621511", stems: ["Diagnostics", "Medical Laboratory"], sizes: small },
      { naics: "623110", stems: ["Care Center", "Skilled Nursing"], sizes: medium },
      { naics: "623312", stems: ["Senior Living", "Assisted Living"], sizes: small },
    ],
  },
  {
    key: "technology",
    label: "Technology",
    codeSets: [["5415", "5112"], ["5415"], ["51", "5415"]],
    weight: 10,
    firms: "software and IT firms",
    priorities: [
      "growing a local pipeline of software developers",
      "creating paid internships for college students",
      "reaching career changers through short training programs",
      "retaining mid-career technical talent",
      "building cybersecurity skills",
    ],
    businessTitles: [...leaders, "Chief Technology Officer", "Engineering Manager", "Talent Partner"],
    types: [
      { naics: "541511", stems: ["Software", "Code Works", "Digital"], sizes: small },
      { naics: "541512", stems: ["Systems", "IT Solutions"], sizes: medium },
      { naics: "541513", stems: ["Managed IT", "Data Services"], sizes: small },
      { naics: "541519", stems: ["Technologies", "Tech"], sizes: small },
      { naics: "511210", stems: ["Software", "Apps", "Analytics"], sizes: medium },
      { naics: "518210", stems: ["Cloud", "Data Centers"], sizes: medium },
    ],
  },
  {
    key: "logistics",
    label: "Transportation and Logistics",
    codeSets: [["484", "493"], ["48-49"], ["484", "488", "493"]],
    weight: 10,
    firms: "carriers, warehouses and logistics firms",
    priorities: [
      "recruiting and keeping truck drivers",
      "training diesel technicians",
      "building warehouse supervisor skills",
      "making freight corridors safer and less congested",
      "introducing students to logistics careers",
    ],
    businessTitles: [...leaders, "Director of Safety", "Terminal Manager", "Warehouse Operations Manager"],
    types: [
      { naics: "484121", stems: ["Freight Lines", "Trucking", "Transport"], sizes: medium },
      { naics: "484110", stems: ["Delivery", "Cartage"], sizes: small },
      { naics: "493110", stems: ["Distribution", "Warehousing", "Fulfillment"], sizes: medium },
      { naics: "493120", stems: ["Cold Storage"], sizes: medium },
      { naics: "488510", stems: ["Logistics", "Freight Services"], sizes: small },
      { naics: "481112", stems: ["Air Cargo"], sizes: medium },
    ],
  },
  {
    key: "food",
    label: "Food and Agriculture",
    codeSets: [["311", "111"], ["311"], ["111", "112", "311"]],
    weight: 8,
    firms: "growers and food processors",
    priorities: [
      "finding seasonal and year-round workers",
      "training maintenance technicians for processing plants",
      "adopting precision agriculture",
      "housing for farm and plant workers",
      "food safety training",
    ],
    businessTitles: [...leaders, "Plant Manager", "Farm Manager", "Food Safety Manager"],
    types: [
      { naics: "311812", stems: ["Bakery", "Baking Company"], sizes: medium },
      { naics: "311611", stems: ["Meats", "Packing Company"], sizes: large },
      { naics: "311421", stems: ["Canning", "Foods"], sizes: medium },
      { naics: "311511", stems: ["Dairy", "Creamery"], sizes: medium },
      { naics: "111339", stems: ["Orchards", "Fruit Company"], sizes: small },
      { naics: "111219", stems: ["Farms", "Growers"], sizes: small },
      { naics: "112120", stems: ["Dairy Farms"], sizes: small },
      { naics: "115114", stems: ["Packing", "Produce"], sizes: medium },
    ],
  },
  {
    key: "construction",
    label: "Construction",
    codeSets: [["236", "238"], ["23"]],
    weight: 10,
    firms: "builders and specialty contractors",
    priorities: [
      "bringing more young people into the trades",
      "expanding pre-apprenticeship programs",
      "training site supervisors",
      "promoting job-site safety",
      "recruiting women and veterans into the trades",
    ],
    businessTitles: [...leaders, "Project Manager", "Superintendent", "Safety Director"],
    types: [
      { naics: "236220", stems: ["Builders", "Construction"], sizes: medium },
      { naics: "236118", stems: ["Remodeling", "Homes"], sizes: small },
      { naics: "236115", stems: ["Homebuilders", "Homes"], sizes: small },
      { naics: "238210", stems: ["Electric", "Electrical Contractors"], sizes: small },
      { naics: "238220", stems: ["Mechanical", "Plumbing and Heating"], sizes: small },
      { naics: "238160", stems: ["Roofing"], sizes: small },
      { naics: "238140", stems: ["Masonry"], sizes: small },
      { naics: "237310", stems: ["Paving", "Civil Constructors"], sizes: medium },
    ],
  },
  {
    key: "energy",
    label: "Energy",
    codeSets: [["221"], ["211", "213", "221"], ["2211"]],
    weight: 5,
    firms: "utilities and energy producers",
    priorities: [
      "replacing retiring line workers and plant operators",
      "training technicians for wind and solar",
      "building safety skills across employers",
      "recruiting engineers to the region",
      "preparing workers for new energy projects",
    ],
    businessTitles: [...leaders, "Vice President of Operations", "Workforce Development Manager"],
    types: [
      { naics: "221112", stems: ["Power", "Generating Station"], sizes: large },
      { naics: "221114", stems: ["Solar"], sizes: small },
      { naics: "221115", stems: ["Wind Energy", "Wind Services"], sizes: small },
      { naics: "221122", stems: ["Electric Cooperative", "Power and Light"], sizes: medium },
      { naics: "221210", stems: ["Gas Company"], sizes: medium },
      { naics: "211120", stems: ["Energy", "Oil and Gas"], sizes: medium },
      { naics: "213111", stems: ["Drilling"], sizes: medium },
      { naics: "213112", stems: ["Oilfield Services", "Well Services"], sizes: small },
    ],
  },
  {
    key: "hospitality",
    label: "Hospitality",
    codeSets: [["721", "722"]],
    weight: 5,
    firms: "hotels, restaurants and attractions",
    priorities: [
      "year-round staffing in a seasonal economy",
      "training front-line supervisors",
      "workforce housing",
      "culinary training with local schools",
    ],
    businessTitles: [...leaders, "Executive Chef", "Director of Guest Services"],
    types: [
      { naics: "721110", stems: ["Lodge", "Hotel", "Resort"], sizes: medium },
      { naics: "721211", stems: ["RV Park", "Campground"], sizes: small },
      { naics: "722511", stems: ["Grill", "Kitchen", "Bistro"], sizes: small },
      { naics: "722513", stems: ["Cafe"], sizes: small },
    ],
  },
];

export function sectorByKey(key: SectorKey): SectorSpec {
  const sector = sectors.find((s) => s.key === key);
  if (!sector) throw new Error(`unknown sector ${key}`);
  return sector;
}

export interface CuratedPartnership {
  region: string;
  counties: readonly string[];
  setting: Setting;
  sector: SectorKey;
  /** Index into the sector's code sets. */
  codeSet: number;
  stage: Stage;
  /** Read with "the": "the Permian Basin". */
  article?: boolean;
}

/**
 * Hand-picked partnerships: real labor markets (adjacent counties, some crossing state lines).
 * The demo set is the first 14; the national set starts with all of them. The first two share a
 * region so that the demo convener can run both.
 */
export const curated: readonly CuratedPartnership[] = [
  {
    region: "Northern Colorado",
    counties: ["08069", "08123"],
    setting: "mixed",
    sector: "manufacturing",
    codeSet: 0,
    stage: "act",
  },
  {
    region: "Northern Colorado",
    counties: ["08069", "08123"],
    setting: "mixed",
    sector: "health",
    codeSet: 1,
    stage: "prepare",
  },
  {
    region: "Denver Metro",
    counties: ["08031", "08005", "08059", "08001", "08014", "08035"],
    setting: "metro",
    sector: "technology",
    codeSet: 0,
    stage: "sustain",
  },
  {
    region: "Greater Kansas City",
    counties: ["29095", "29047", "29165", "29037", "20091", "20209"],
    setting: "metro",
    sector: "logistics",
    codeSet: 0,
    stage: "act",
  },
  {
    region: "Cincinnati Tri-State",
    article: true,
    counties: ["39061", "39017", "39165", "39025", "21015", "21117", "21037", "18029"],
    setting: "metro",
    sector: "health",
    codeSet: 0,
    stage: "sustain",
  },
  {
    region: "Southeast Kansas",
    counties: ["20125", "20099", "20133", "20001", "20037"],
    setting: "rural",
    sector: "manufacturing",
    codeSet: 1,
    stage: "launch",
  },
  {
    region: "Nebraska Panhandle",
    article: true,
    counties: ["31157", "31123", "31013", "31033", "31007"],
    setting: "rural",
    sector: "health",
    codeSet: 2,
    stage: "civic_infrastructure",
  },
  {
    region: "Yakima Valley",
    article: true,
    counties: ["53077", "53005", "53021"],
    setting: "mixed",
    sector: "food",
    codeSet: 0,
    stage: "act",
  },
  {
    region: "Upstate South Carolina",
    counties: ["45045", "45083", "45007", "45077"],
    setting: "metro",
    sector: "manufacturing",
    codeSet: 2,
    stage: "sustain",
  },
  {
    region: "Memphis Tri-State",
    article: true,
    counties: ["47157", "47047", "47167", "28033", "05035"],
    setting: "metro",
    sector: "logistics",
    codeSet: 2,
    stage: "launch",
  },
  {
    region: "Southwest Virginia",
    counties: ["51195", "51105", "51169", "51051", "51167"],
    setting: "rural",
    sector: "energy",
    codeSet: 0,
    stage: "prepare",
  },
  {
    region: "Permian Basin",
    article: true,
    counties: ["48329", "48135", "48317", "48003", "48227"],
    setting: "mixed",
    sector: "energy",
    codeSet: 1,
    stage: "act",
  },
  {
    region: "Billings Area",
    article: true,
    counties: ["30111", "30095", "30009"],
    setting: "mixed",
    sector: "construction",
    codeSet: 0,
    stage: "civic_infrastructure",
  },
  {
    region: "Northern Michigan",
    counties: ["26055", "26089", "26019", "26079", "26009"],
    setting: "rural",
    sector: "construction",
    codeSet: 1,
    stage: "launch",
  },
  {
    region: "Research Triangle",
    article: true,
    counties: ["37183", "37063", "37135", "37101"],
    setting: "metro",
    sector: "technology",
    codeSet: 2,
    stage: "act",
  },
  {
    region: "Greater Louisville",
    counties: ["21111", "21185", "21029", "18019", "18043"],
    setting: "metro",
    sector: "logistics",
    codeSet: 1,
    stage: "sustain",
  },
  {
    region: "Wasatch Front",
    article: true,
    counties: ["49035", "49049", "49011"],
    setting: "metro",
    sector: "technology",
    codeSet: 1,
    stage: "launch",
  },
  {
    region: "South San Joaquin Valley",
    article: true,
    counties: ["06019", "06107", "06031", "06039"],
    setting: "mixed",
    sector: "food",
    codeSet: 2,
    stage: "prepare",
  },
  {
    region: "Southwestern Pennsylvania",
    counties: ["42003", "42019", "42125", "42129", "42007"],
    setting: "metro",
    sector: "health",
    codeSet: 1,
    stage: "act",
  },
  {
    region: "Chippewa Valley",
    article: true,
    counties: ["55035", "55017", "55033"],
    setting: "mixed",
    sector: "manufacturing",
    codeSet: 0,
    stage: "sustain",
  },
  {
    region: "Bakken Region",
    article: true,
    counties: ["38105", "38053", "38061"],
    setting: "rural",
    sector: "energy",
    codeSet: 1,
    stage: "launch",
  },
  {
    region: "Central Maine",
    counties: ["23011", "23025", "23007"],
    setting: "rural",
    sector: "health",
    codeSet: 0,
    stage: "act",
  },
  {
    region: "Greater Phoenix",
    counties: ["04013", "04021"],
    setting: "metro",
    sector: "construction",
    codeSet: 0,
    stage: "act",
  },
  {
    region: "Grand Traverse Region",
    article: true,
    counties: ["26055", "26089", "26019"],
    setting: "rural",
    sector: "hospitality",
    codeSet: 0,
    stage: "prepare",
  },
];

export const demoPartnershipCount = 14;

/** Words for company names that sound like places and landscapes, not like real firms. */
export const nameWords = [
  "Aspen",
  "Bluestem",
  "Boulder Creek",
  "Cedar",
  "Cedar Ridge",
  "Clearwater",
  "Copperline",
  "Cottonwood",
  "Crossroads",
  "Eastgate",
  "Elk River",
  "Evergreen",
  "Fairview",
  "Fieldstone",
  "Flatiron",
  "Foxhollow",
  "Granite",
  "Harbor",
  "Heartland",
  "High Plains",
  "Hilltop",
  "Ironwood",
  "Juniper",
  "Keystone",
  "Lakeshore",
  "Lone Pine",
  "Maplewood",
  "Meadowlark",
  "Mesa",
  "Millrace",
  "North Fork",
  "Oak Hollow",
  "Pinecrest",
  "Prairie",
  "Quarry Hill",
  "Red Oak",
  "Redtail",
  "Ridgeline",
  "River Bend",
  "Riverside",
  "Sandstone",
  "Sagebrush",
  "Silverleaf",
  "Skyline",
  "Stonebridge",
  "Summit",
  "Sunrise",
  "Tallgrass",
  "Timberline",
  "Twin Rivers",
  "Valley View",
  "Westfield",
  "Wheatland",
  "Willow Creek",
  "Windward",
];

export const companySuffixes: readonly (readonly [string, number])[] = [
  ["", 6],
  [" Inc.", 2],
  [" LLC", 2],
  [" Co.", 1],
  [" Group", 1],
];

export const firstNames = [
  "Aaliyah",
  "Adriana",
  "Ahmed",
  "Alex",
  "Amara",
  "Andre",
  "Angela",
  "Anh",
  "Ben",
  "Brianna",
  "Carlos",
  "Carmen",
  "Chen",
  "Chris",
  "Dana",
  "Daniel",
  "Darnell",
  "Deepa",
  "Diego",
  "Elena",
  "Emily",
  "Eric",
  "Fatima",
  "Gabriel",
  "Grace",
  "Hannah",
  "Hector",
  "Imani",
  "Isaac",
  "Jamal",
  "James",
  "Jasmine",
  "Jennifer",
  "Jorge",
  "Joseph",
  "Kai",
  "Karen",
  "Keisha",
  "Kevin",
  "Kim",
  "Laura",
  "Leah",
  "Lucia",
  "Malik",
  "Maria",
  "Mark",
  "Megan",
  "Michael",
  "Mei",
  "Nadia",
  "Naomi",
  "Nathan",
  "Nicole",
  "Omar",
  "Patricia",
  "Priya",
  "Rachel",
  "Rafael",
  "Rebecca",
  "Robert",
  "Rosa",
  "Ryan",
  "Samuel",
  "Sara",
  "Sean",
  "Sofia",
  "Stephanie",
  "Tanya",
  "Terrence",
  "Thomas",
  "Tomas",
  "Tyler",
  "Valerie",
  "Victor",
  "Wei",
  "Yolanda",
  "Zoe",
];

export const lastNames = [
  "Abernathy",
  "Adeyemi",
  "Alvarez",
  "Anderson",
  "Becker",
  "Bennett",
  "Brooks",
  "Castillo",
  "Chang",
  "Coleman",
  "Delgado",
  "Dubois",
  "Ellis",
  "Fischer",
  "Fitzgerald",
  "Garcia",
  "Gonzalez",
  "Greene",
  "Hansen",
  "Harper",
  "Hoffman",
  "Holloway",
  "Ibrahim",
  "Jackson",
  "Jensen",
  "Johnson",
  "Kowalski",
  "Lambert",
  "Larsen",
  "Lee",
  "Lindqvist",
  "Lopez",
  "Martinez",
  "McAllister",
  "Mendoza",
  "Miller",
  "Morales",
  "Murphy",
  "Nakamura",
  "Nguyen",
  "Novak",
  "Okafor",
  "Olsen",
  "Ortiz",
  "Patel",
  "Pearson",
  "Ramirez",
  "Reyes",
  "Richardson",
  "Rivera",
  "Robinson",
  "Santos",
  "Schmidt",
  "Shapiro",
  "Singh",
  "Sorensen",
  "Sullivan",
  "Tanaka",
  "Thompson",
  "Torres",
  "Tran",
  "Vasquez",
  "Walker",
  "Washington",
  "Weber",
  "Whitfield",
  "Williams",
  "Yazzie",
  "Young",
  "Zimmerman",
];

export type PublicKind = Exclude<OrganizationKind, "business" | "other">;

/** Agency names per kind; {R} is the region, {C} one of its counties. */
export const publicNames: Record<PublicKind, readonly string[]> = {
  workforce_development: [
    "{R} Workforce Development Board",
    "{R} Workforce Center",
    "{C} Workforce Services",
    "{R} Career Center",
  ],
  economic_development: [
    "{R} Economic Development Corporation",
    "{C} Economic Development Council",
    "{R} Development Partnership",
  ],
  k12_education: [
    "{C} School District",
    "{R} Career and Technical Education Center",
    "{C} Public Schools",
    "{R} Regional Education Service Agency",
  ],
  postsecondary_education: ["{R} Community College", "{R} Technical College", "{C} Community College"],
  community_organization: [
    "{R} Family Resource Network",
    "{C} Community Action Partnership",
    "{R} Literacy Council",
    "{R} Opportunity Alliance",
  ],
  government: [
    "{C} Board of Commissioners",
    "{R} Council of Governments",
    "{R} Regional Planning Commission",
  ],
  labor: ["{R} Building Trades Council", "{R} Central Labor Council", "{R} Area Labor Federation"],
  philanthropy: ["{R} Community Foundation", "{C} Community Foundation", "{R} Health Foundation"],
  chamber_of_commerce: ["{R} Chamber of Commerce", "{C} Chamber of Commerce", "{R} Regional Chamber"],
  industry_association: ["{R} Industry Association", "{R} Employers Council", "{R} Business Alliance"],
};

export const publicTitles: Record<PublicKind, readonly string[]> = {
  workforce_development: ["Executive Director", "Business Services Manager", "Sector Strategies Lead"],
  economic_development: ["President", "Vice President of Business Retention", "Project Manager"],
  k12_education: [
    "Career and Technical Education Director",
    "Superintendent",
    "Work-Based Learning Coordinator",
  ],
  postsecondary_education: ["Dean of Workforce Programs", "Vice President of Instruction", "Program Chair"],
  community_organization: ["Executive Director", "Program Director", "Navigator"],
  government: ["County Commissioner", "Planning Director", "Policy Advisor"],
  labor: ["Business Manager", "Apprenticeship Coordinator", "President"],
  philanthropy: ["Program Officer", "President", "Grants Director"],
  chamber_of_commerce: ["President and CEO", "Vice President of Talent", "Member Services Director"],
  industry_association: ["Executive Director", "Workforce Programs Manager", "Policy Director"],
};

/** Public partners every community-supported partnership should have (rule 2), then the others. */
export const coreKinds: readonly PublicKind[] = [
  "workforce_development",
  "economic_development",
  "k12_education",
  "postsecondary_education",
  "community_organization",
  "chamber_of_commerce",
];
export const extraKinds: readonly PublicKind[] = [
  "government",
  "labor",
  "philanthropy",
  "industry_association",
];
