/**
 * The taxonomies of debt counselling (Czech "odborné sociální poradenství v dluhové
 * problematice", Act 108/2006 §37): what counsellors do in a contact, through which channel,
 * how clients first came, where the work happens, and the kinds of social exclusion of the
 * seed, which a counsellor records as needs (and which are also situation facts, see
 * `Situation`). Labels in English, Czech, Lithuanian and Bulgarian.
 *
 * @since 0.1.0
 */
import { Labels } from "@pomoc/core"
import type { Plugin } from "@pomoc/core"

/**
 * What counsellors do in a contact. The client takes the steps; the counsellor informs,
 * explains, plans with the client and assists (active cooperation).
 *
 * @since 0.1.0
 * @category models
 */
export const interventions: Plugin.Taxonomy<Intervention> = {
  information: Labels.of(
    "Information on the options for solving the situation",
    "Informace o možnostech řešení situace",
    "Informavimas apie padėties sprendimo galimybes",
    "Информация за възможностите за решаване на ситуацията"
  ),
  counselling: Labels.of("Counselling", "Poradenství", "Konsultavimas", "Консултиране"),
  "debt-analysis": Labels.of("Mapping the debts", "Zmapování dluhů", "Skolų analizė", "Анализ на задълженията"),
  "budget-planning": Labels.of(
    "Household budget planning",
    "Sestavení rozpočtu domácnosti",
    "Namų ūkio biudžeto planavimas",
    "Планиране на бюджета на домакинството"
  ),
  "creditor-communication": Labels.of(
    "Support in dealing with creditors",
    "Podpora při jednání s věřiteli",
    "Pagalba bendraujant su kreditoriais",
    "Подкрепа при комуникацията с кредиторите"
  ),
  "document-assistance": Labels.of(
    "Help with drafting documents",
    "Pomoc se sepsáním písemností",
    "Pagalba rengiant dokumentus",
    "Помощ при изготвянето на документи"
  ),
  "insolvency-petition": Labels.of(
    "Help with a debt relief (personal insolvency) petition",
    "Pomoc s insolvenčním návrhem na oddlužení",
    "Pagalba rengiant fizinio asmens bankroto prašymą",
    "Помощ при молба за несъстоятелност на физическо лице"
  ),
  "enforcement-check": Labels.of(
    "Checking enforcement proceedings",
    "Prověření exekucí",
    "Vykdomųjų bylų patikrinimas",
    "Проверка на изпълнителни производства"
  ),
  accompaniment: Labels.of(
    "Accompaniment (court, bailiff, offices)",
    "Doprovod (soud, exekutor, úřady)",
    "Palydėjimas (teismas, antstolis, įstaigos)",
    "Придружаване (съд, съдебен изпълнител, институции)"
  ),
  "mediation-of-contact": Labels.of(
    "Mediation of contact with further professional help",
    "Zprostředkování kontaktu s další odbornou pomocí",
    "Tarpininkavimas užmezgant ryšį su kita profesionalia pagalba",
    "Посредничество за връзка с друга професионална помощ"
  ),
  "crisis-intervention": Labels.of(
    "Crisis intervention",
    "Krizová intervence",
    "Krizių intervencija",
    "Кризисна интервенция"
  ),
  "financial-literacy": Labels.of(
    "Building financial literacy",
    "Posilování finanční gramotnosti",
    "Finansinio raštingumo ugdymas",
    "Повишаване на финансовата грамотност"
  )
}

/**
 * The interventions given to one client, never to a group (individual approach).
 *
 * @since 0.1.0
 * @category models
 */
export const individualInterventions: ReadonlyArray<Intervention> = [
  "counselling",
  "debt-analysis",
  "budget-planning",
  "creditor-communication",
  "document-assistance",
  "insolvency-petition",
  "enforcement-check"
]

/**
 * How a contact happens.
 *
 * @since 0.1.0
 * @category models
 */
export const channels: Plugin.Taxonomy<Channel> = {
  "in-person": Labels.of("In person", "Osobně", "Asmeniškai", "Лично"),
  phone: Labels.of("Phone", "Telefonicky", "Telefonu", "По телефона"),
  "e-mail": Labels.of("E-mail", "E-mail", "El. paštas", "Имейл"),
  "video-call": Labels.of("Video call", "Videohovor", "Vaizdo skambutis", "Видеоразговор")
}

/**
 * How a client first came to the service.
 *
 * @since 0.1.0
 * @category models
 */
export const firstContactChannels: Plugin.Taxonomy<FirstContactChannel> = {
  "own-initiative": Labels.of(
    "On their own initiative",
    "Z vlastní iniciativy",
    "Savo iniciatyva",
    "По собствена инициатива"
  ),
  "friends-or-family": Labels.of(
    "Recommended by friends or family",
    "Doporučení známých nebo rodiny",
    "Rekomendavo draugai ar šeima",
    "По препоръка на познати или семейството"
  ),
  "other-service": Labels.of(
    "Referred by another social service",
    "Doporučení jiné sociální služby",
    "Nukreipė kita socialinė paslauga",
    "Насочен от друга социална услуга"
  ),
  "municipal-office": Labels.of("Municipal office", "Obecní úřad", "Savivaldybė", "Общинска администрация"),
  "labour-office": Labels.of("Labour office", "Úřad práce", "Užimtumo tarnyba", "Бюро по труда"),
  website: Labels.of("Website", "Webové stránky", "Interneto svetainė", "Уебсайт"),
  "public-event": Labels.of(
    "Lecture or public event",
    "Přednáška nebo veřejná akce",
    "Paskaita ar viešas renginys",
    "Лекция или публично събитие"
  )
}

/**
 * The kinds of place where counselling happens (the same codes as the core's location kinds).
 *
 * @since 0.1.0
 * @category models
 */
export const locationKinds: Plugin.Taxonomy<LocationKind> = {
  office: Labels.of("Counselling office", "Poradna", "Konsultacijų kabinetas", "Консултантски кабинет"),
  "online-platform": Labels.of("Online", "Online", "Internetu", "Онлайн"),
  "event-venue": Labels.of("Event venue", "Místo konání akce", "Renginio vieta", "Място на събитието")
}

/**
 * The kinds of social exclusion of the seed ("potýkají se s některým z dalších typů sociálního
 * vyloučení"), recorded as needs of one client.
 *
 * @since 0.1.0
 * @category models
 */
export const needs: Plugin.Taxonomy<ExclusionKind> = {
  "unstable-housing": Labels.of(
    "Unsuitable or unstable housing",
    "Nevyhovující nebo nestabilní bydlení",
    "Netinkamas ar nestabilus būstas",
    "Неподходящо или несигурно жилище"
  ),
  "long-term-unemployment": Labels.of(
    "Long-term unemployment, hard to place on the labour market",
    "Dlouhodobá nezaměstnanost, obtížná uplatnitelnost na trhu práce",
    "Ilgalaikis nedarbas, sunkumai įsidarbinant",
    "Продължителна безработица, трудна реализация на пазара на труда"
  ),
  "budgeting-problems": Labels.of(
    "Problems managing the budget",
    "Problémy se zvládáním rozpočtu",
    "Sunkumai tvarkant biudžetą",
    "Трудности при управлението на бюджета"
  ),
  "disadvantage-from-prejudice": Labels.of(
    "Social disadvantage due to prejudice",
    "Sociální znevýhodnění z důvodu předsudků",
    "Nepalanki socialinė padėtis dėl išankstinių nuostatų",
    "Социално неравностойно положение поради предразсъдъци"
  ),
  "no-social-network": Labels.of(
    "Missing or non-functioning social network, no resources to solve problems",
    "Nefunkční nebo neexistující sociální síť, chybí zdroje na řešení potíží",
    "Nėra socialinio tinklo arba jis neveikia, trūksta išteklių problemoms spręsti",
    "Липсваща или нефункционираща социална мрежа, няма ресурси за решаване на проблемите"
  ),
  "benefit-dependence": Labels.of(
    "Dependence on social transfers (benefits, pensions)",
    "Závislost na sociálních transferech (dávky, důchody)",
    "Priklausomybė nuo socialinių išmokų (pašalpų, pensijų)",
    "Зависимост от социални плащания (помощи, пенсии)"
  ),
  "family-pathology": Labels.of(
    "Socially pathological phenomena in the family (crime, addictions, children's behavioural problems)",
    "Sociálně patologické jevy v rodině (trestná činnost, závislosti, výchovné problémy dětí)",
    "Socialinės patologijos reiškiniai šeimoje (nusikalstamumas, priklausomybės, vaikų elgesio problemos)",
    "Социално-патологични явления в семейството (престъпност, зависимости, проблеми с възпитанието на децата)"
  ),
  "more-support-needed": Labels.of(
    "Need for more support in solving the adverse situation",
    "Potřeba větší podpory při řešení nepříznivé sociální situace",
    "Reikia daugiau paramos sprendžiant sunkią socialinę padėtį",
    "Нужда от повече подкрепа при решаването на неблагоприятната социална ситуация"
  )
}

/**
 * An intervention code of debt counselling.
 *
 * @since 0.1.0
 * @category models
 */
export type Intervention =
  | "information"
  | "counselling"
  | "debt-analysis"
  | "budget-planning"
  | "creditor-communication"
  | "document-assistance"
  | "insolvency-petition"
  | "enforcement-check"
  | "accompaniment"
  | "mediation-of-contact"
  | "crisis-intervention"
  | "financial-literacy"

/**
 * A contact channel code of debt counselling.
 *
 * @since 0.1.0
 * @category models
 */
export type Channel = "in-person" | "phone" | "e-mail" | "video-call"

/**
 * A first-contact channel code of debt counselling.
 *
 * @since 0.1.0
 * @category models
 */
export type FirstContactChannel =
  | "own-initiative"
  | "friends-or-family"
  | "other-service"
  | "municipal-office"
  | "labour-office"
  | "website"
  | "public-event"

/**
 * A location kind code of debt counselling.
 *
 * @since 0.1.0
 * @category models
 */
export type LocationKind = "office" | "online-platform" | "event-venue"

/**
 * A kind of social exclusion of the seed (the needs taxonomy and the situation keys).
 *
 * @since 0.1.0
 * @category models
 */
export type ExclusionKind =
  | "unstable-housing"
  | "long-term-unemployment"
  | "budgeting-problems"
  | "disadvantage-from-prejudice"
  | "no-social-network"
  | "benefit-dependence"
  | "family-pathology"
  | "more-support-needed"

/**
 * The taxonomies of debt counselling, with their codes as literal types.
 *
 * @since 0.1.0
 * @category models
 */
export interface DebtTaxonomies extends Plugin.Taxonomies {
  /** What counsellors do in a contact. */
  readonly interventions: Plugin.Taxonomy<Intervention>
  /** How a contact happens. */
  readonly channels: Plugin.Taxonomy<Channel>
  /** How a client first came to the service. */
  readonly firstContactChannels: Plugin.Taxonomy<FirstContactChannel>
  /** Where counselling happens. */
  readonly locationKinds: Plugin.Taxonomy<LocationKind>
  /** The kinds of social exclusion of the seed. */
  readonly needs: Plugin.Taxonomy<ExclusionKind>
  /** Debt counselling has no group activity topics. */
  readonly activityTopics?: never
}

/**
 * Every taxonomy of debt counselling.
 *
 * @since 0.1.0
 * @category models
 */
export const taxonomies: DebtTaxonomies = { interventions, channels, firstContactChannels, locationKinds, needs }
