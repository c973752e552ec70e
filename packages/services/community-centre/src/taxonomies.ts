/**
 * The taxonomies of a community centre, from seeds/001 (the Alytus community centre, Lithuania:
 * sociocultural and other general social services for children, young people and adults):
 * what workers do in a contact, channels, how people first came to the centre, places, the
 * needs of the community the mission names, the topics of the centre's activities (open and
 * street youth work, the children's day centre, seniors' activities, amateur art groups, clubs,
 * courses, camps, events, volunteering, premises used by NGOs), the centre's programmes and the
 * funding sources of its projects. Labels in English, Czech, Lithuanian and Bulgarian.
 *
 * @since 0.1.0
 */
import { Labels } from "@pomoc/core"

/**
 * What the centre's workers do with a person or a group (the Lithuanian terms are those of the
 * centre's statute: "sociokultūrinės paslaugos", "atvirasis darbas su jaunimu", "darbas su
 * jaunimu gatvėje", "socialinių ir gyvenimo įgūdžių ugdymas", "kompleksinė pagalba", …).
 *
 * @since 0.1.0
 * @category models
 */
export const interventions = {
  information: Labels.of("Information", "Informování", "Informavimas", "Информиране"),
  counselling: Labels.of("Counselling", "Poradenství", "Konsultavimas", "Консултиране"),
  "sociocultural-service": Labels.of(
    "Sociocultural service",
    "Sociokulturní služba",
    "Sociokultūrinė paslauga",
    "Социокултурна услуга"
  ),
  "open-youth-work": Labels.of(
    "Open youth work",
    "Otevřená práce s mládeží",
    "Atvirasis darbas su jaunimu",
    "Отворена работа с младежи"
  ),
  "street-youth-work": Labels.of(
    "Street youth work",
    "Práce s mládeží na ulici",
    "Darbas su jaunimu gatvėje",
    "Улична работа с младежи"
  ),
  "social-skills-education": Labels.of(
    "Social and life skills education",
    "Rozvoj sociálních a životních dovedností",
    "Socialinių ir gyvenimo įgūdžių ugdymas",
    "Развиване на социални и житейски умения"
  ),
  "family-support": Labels.of(
    "Social, pedagogical and psychological help to the family",
    "Sociální, pedagogická a psychologická pomoc rodině",
    "Socialinė, pedagoginė ir psichologinė pagalba šeimai",
    "Социална, педагогическа и психологическа помощ на семейството"
  ),
  "comprehensive-help": Labels.of("Comprehensive help", "Komplexní pomoc", "Kompleksinė pagalba", "Комплексна помощ"),
  "leisure-activity": Labels.of(
    "Leisure activity",
    "Volnočasová aktivita",
    "Laisvalaikio užimtumas",
    "Занимания през свободното време"
  ),
  "non-formal-education": Labels.of(
    "Non-formal education",
    "Neformální vzdělávání",
    "Neformalusis švietimas",
    "Неформално образование"
  ),
  "prevention-activity": Labels.of(
    "Prevention activity",
    "Preventivní činnost",
    "Prevencinė veikla",
    "Превантивна дейност"
  ),
  "mediation-with-institutions": Labels.of(
    "Mediation with institutions",
    "Zprostředkování kontaktu s institucemi",
    "Tarpininkavimas su institucijomis",
    "Посредничество пред институции"
  )
}

/**
 * An intervention code of a community centre.
 *
 * @since 0.1.0
 * @category models
 */
export type Intervention = keyof typeof interventions

/**
 * How a contact happens.
 *
 * @since 0.1.0
 * @category models
 */
export const channels = {
  "in-person": Labels.of("In person", "Osobně", "Asmeniškai", "Лично"),
  phone: Labels.of("Phone", "Telefonicky", "Telefonu", "По телефона"),
  email: Labels.of("E-mail", "E-mail", "El. paštas", "Имейл"),
  "social-network": Labels.of("Social network", "Sociální sítě", "Socialiniai tinklai", "Социални мрежи")
}

/**
 * How people first came to the centre.
 *
 * @since 0.1.0
 * @category models
 */
export const firstContactChannels = {
  "walk-in": Labels.of("Came to the centre", "Přišel/přišla do centra", "Atėjo į centrą", "Дошъл/дошла в центъра"),
  "street-youth-work": Labels.of(
    "Street youth work",
    "Práce s mládeží na ulici",
    "Darbas su jaunimu gatvėje",
    "Улична работа с младежи"
  ),
  event: Labels.of("An event of the centre", "Akce centra", "Centro renginys", "Събитие на центъра"),
  referral: Labels.of(
    "Referred by a school, social services or another organisation",
    "Doporučení školy, sociálních služeb nebo jiné organizace",
    "Nukreipė mokykla, socialinės tarnybos ar kita organizacija",
    "Насочен(а) от училище, социални служби или друга организация"
  ),
  "friends-or-family": Labels.of(
    "Friends or family",
    "Přátelé nebo rodina",
    "Draugai ar šeima",
    "Приятели или семейство"
  ),
  "published-information": Labels.of(
    "Information published by the centre (website, social networks, press)",
    "Informace zveřejněné centrem (web, sociální sítě, tisk)",
    "Centro skelbiama informacija (svetainė, socialiniai tinklai, spauda)",
    "Информация, публикувана от центъра (уебсайт, социални мрежи, преса)"
  )
}

/**
 * The kinds of place where the centre works: some of the core's place types, and the places of its
 * street youth work the seed names one by one ("parkuose, gatvėse, kavinėse, sporto aikštynuose"),
 * so a contact in a park is not counted with one in a café.
 *
 * @since 0.1.0
 * @category models
 */
export const locationKinds = {
  "club-premises": Labels.of("Premises of the centre", "Prostory centra", "Centro patalpos", "Помещения на центъра"),
  "street-area": Labels.of(
    "Streets and other informal youth meeting places",
    "Ulice a jiná neformální místa setkávání mládeže",
    "Gatvės ir kitos neformalios jaunimo susibūrimo vietos",
    "Улици и други неформални места за срещи на младежи"
  ),
  park: Labels.of("Park", "Park", "Parkas", "Парк"),
  cafe: Labels.of("Café", "Kavárna", "Kavinė", "Кафене"),
  "sports-ground": Labels.of("Sports ground", "Sportoviště", "Sporto aikštynas", "Спортна площадка"),
  school: Labels.of("School", "Škola", "Mokykla", "Училище"),
  "event-venue": Labels.of("Event venue", "Místo konání akce", "Renginio vieta", "Място на събитието"),
  "online-platform": Labels.of("Online platform", "Online platforma", "Internetinė platforma", "Онлайн платформа")
} satisfies Readonly<Record<string, Labels>>

/**
 * Needs the mission names, recorded for a person as the person expresses them.
 * `not-in-education-or-work` marks the young people the centre especially seeks to include
 * ("švietimo veikloje ir darbo rinkoje nedalyvaujantys jauni žmonės").
 *
 * @since 0.1.0
 * @category models
 */
export const needs = {
  "not-in-education-or-work": Labels.of(
    "Not in education or work",
    "Mimo vzdělávání i zaměstnání",
    "Nesimoko ir nedirba",
    "Нито учи, нито работи"
  ),
  "social-exclusion": Labels.of(
    "Risk of social exclusion",
    "Ohrožení sociálním vyloučením",
    "Socialinės atskirties rizika",
    "Риск от социално изключване"
  ),
  "family-difficulties": Labels.of(
    "Difficulties in the family",
    "Obtíže v rodině",
    "Sunkumai šeimoje",
    "Трудности в семейството"
  ),
  loneliness: Labels.of("Loneliness", "Osamělost", "Vienatvė", "Самота"),
  "meaningful-leisure": Labels.of(
    "Meaningful leisure time",
    "Smysluplný volný čas",
    "Prasmingas laisvalaikis",
    "Смислено свободно време"
  ),
  "learning-support": Labels.of("Support in learning", "Podpora při učení", "Pagalba mokantis", "Подкрепа в ученето"),
  "self-expression": Labels.of(
    "Self-expression and creativity",
    "Seberealizace a tvořivost",
    "Saviraiška ir kūryba",
    "Себеизразяване и творчество"
  )
}

/**
 * The topics of the centre's activities (statute 13.3–13.9).
 *
 * @since 0.1.0
 * @category models
 */
export const activityTopics = {
  "open-youth-work": Labels.of(
    "Open youth work",
    "Otevřená práce s mládeží",
    "Atvirasis darbas su jaunimu",
    "Отворена работа с младежи"
  ),
  "street-youth-work": Labels.of(
    "Street youth work",
    "Práce s mládeží na ulici",
    "Darbas su jaunimu gatvėje",
    "Улична работа с младежи"
  ),
  "childrens-day-centre": Labels.of(
    "Children's day centre",
    "Denní centrum pro děti",
    "Vaikų dienos centras",
    "Дневен център за деца"
  ),
  "seniors-activities": Labels.of(
    "Day activities for seniors",
    "Denní aktivity pro seniory",
    "Dienos užsiėmimai senjorams",
    "Дневни занимания за възрастни хора"
  ),
  "amateur-art-group": Labels.of(
    "Amateur art group (ensemble, studio)",
    "Amatérský umělecký soubor (ansámbl, studio)",
    "Mėgėjų meno kolektyvas (ansamblis, studija)",
    "Любителски художествен състав (ансамбъл, студио)"
  ),
  "hobby-club": Labels.of("Club or hobby group", "Klub nebo zájmový kroužek", "Klubas ar būrelis", "Клуб или кръжок"),
  course: Labels.of("Course", "Kurz", "Kursai", "Курс"),
  camp: Labels.of("Camp", "Tábor", "Stovykla", "Лагер"),
  event: Labels.of("Event", "Akce", "Renginys", "Събитие"),
  "creative-presentation": Labels.of(
    "Presentation of the community's creative work",
    "Prezentace tvůrčí činnosti komunity",
    "Bendruomenės kūrybinės veiklos pristatymas",
    "Представяне на творчеството на общността"
  ),
  "non-formal-education-project": Labels.of(
    "Non-formal education project",
    "Projekt neformálního vzdělávání",
    "Neformaliojo švietimo projektas",
    "Проект за неформално образование"
  ),
  sport: Labels.of("Sport", "Sport", "Sportas", "Спорт"),
  "intergenerational-meeting": Labels.of(
    "Meeting of young and old",
    "Setkání mladých a seniorů",
    "Jaunimo ir senjorų susitikimas",
    "Среща между млади и възрастни"
  ),
  volunteering: Labels.of("Volunteering", "Dobrovolnictví", "Savanoriška veikla", "Доброволчество"),
  "ngo-premises-use": Labels.of(
    "Premises used by a non-governmental organisation",
    "Prostory využívané nevládní organizací",
    "Patalpomis naudojasi nevyriausybinė organizacija",
    "Помещения, използвани от неправителствена организация"
  )
}

/**
 * An activity topic code of a community centre.
 *
 * @since 0.1.0
 * @category models
 */
export type ActivityTopic = keyof typeof activityTopics

/**
 * The programmes a centre runs as services of its own (a service's `config.programme`), so
 * that rules can tell the children's day centre from open youth work.
 *
 * @since 0.1.0
 * @category models
 */
export const programmes = {
  general: Labels.of("Community centre", "Komunitní centrum", "Bendruomenės centras", "Общностен център"),
  "open-youth-work": Labels.of(
    "Open youth centre",
    "Otevřené centrum pro mládež",
    "Atviras jaunimo centras",
    "Отворен младежки център"
  ),
  "street-youth-work": Labels.of(
    "Street youth work",
    "Práce s mládeží na ulici",
    "Darbas su jaunimu gatvėje",
    "Улична работа с младежи"
  ),
  "childrens-day-centre": Labels.of(
    "Children's day centre",
    "Denní centrum pro děti",
    "Vaikų dienos centras",
    "Дневен център за деца"
  ),
  seniors: Labels.of(
    "Seniors' day activities",
    "Denní aktivity pro seniory",
    "Senjorų dienos užimtumas",
    "Дневни занимания за възрастни хора"
  )
}

/**
 * A programme code of a community centre.
 *
 * @since 0.1.0
 * @category models
 */
export type Programme = keyof typeof programmes

/**
 * The kinds of funding source of the centre's projects ("įvairių finansavimo šaltinių lėšos"):
 * the `kind` of a funding record (`registerFunding`) of a project (a programme record that
 * contacts, activities and volunteer hours link to with `programId`). A service's
 * `config.fundingSource` (before 0.2, projects were services) is still checked against them.
 *
 * @since 0.1.0
 * @category models
 */
export const fundingSources = {
  "municipal-budget": Labels.of("Municipal budget", "Rozpočet obce", "Savivaldybės biudžetas", "Общински бюджет"),
  "state-programme": Labels.of("State programme", "Státní program", "Valstybės programa", "Държавна програма"),
  "eu-funds": Labels.of(
    "European Union funds",
    "Fondy Evropské unie",
    "Europos Sąjungos fondai",
    "Фондове на Европейския съюз"
  ),
  "foundation-grant": Labels.of("Foundation grant", "Grant nadace", "Fondo dotacija", "Грант от фондация"),
  "donations-and-sponsorship": Labels.of(
    "Donations and sponsorship",
    "Dary a sponzorství",
    "Parama ir labdara",
    "Дарения и спонсорство"
  ),
  "own-income": Labels.of(
    "Own income (courses, rent of premises)",
    "Vlastní příjmy (kurzy, pronájem prostor)",
    "Nuosavos pajamos (kursai, patalpų nuoma)",
    "Собствени приходи (курсове, наем на помещения)"
  )
}

/**
 * A funding source code.
 *
 * @since 0.1.0
 * @category models
 */
export type FundingSource = keyof typeof fundingSources
