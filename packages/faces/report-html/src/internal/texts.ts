/**
 * The report's own words in the four languages. Labels of codes come from the plugins; these
 * are the headings, the explanations and the names of common dimensions and measures.
 */
import type { Language, Plugin } from "@pomoc/core"

export interface Texts {
  readonly title: string
  readonly period: string
  readonly questions: Readonly<Record<Plugin.ReportQuestion, string>>
  readonly howToRead: string
  /** Explains suppression for a threshold (counts 1..threshold-1 hidden). */
  readonly suppression: (threshold: number) => string
  readonly zero: string
  readonly totals: string
  /** A note for tables where one person or record can sit in several rows. */
  readonly overlapping: string
  readonly suppressed: string
  readonly total: string
  readonly none: string
  readonly yes: string
  readonly no: string
  readonly dataTable: string
  readonly noReports: string
  readonly madeWith: string
  readonly measures: { readonly records: string; readonly people: string; readonly sum: string }
  /** The heading of a rate's share column. */
  readonly share: string
  /** The words of the outcome columns of rates (`numerator`, `rest`) and change per person. */
  readonly outcomeColumns: Readonly<Record<string, string>>
  readonly dimensions: Readonly<Record<string, string>>
  readonly sums: Readonly<Record<string, string>>
}

const suppressionText = (template: string) => (threshold: number): string =>
  template.replace("{max}", String(threshold - 1)).replace("{threshold}", String(threshold))

export const texts: Readonly<Record<Language, Texts>> = {
  en: {
    title: "Annual report",
    period: "Period",
    questions: {
      "how-much": "How much did we do?",
      "how-well": "How well did we do it?",
      "better-off": "Is anyone better off?"
    },
    howToRead: "How to read this report",
    suppression: suppressionText(
      "To protect the people we work with, every count from 1 to {max} is shown as “suppressed”, and so are as many other counts as it takes so that a hidden count cannot be worked out from the totals."
    ),
    zero:
      "A 0 means that nothing was counted there; “suppressed” means that there is a count but it is too small to publish (or would reveal one that is).",
    totals:
      "Totals are the sums of the rows as counted. Where one contact or person can belong to several rows (several interventions, several needs), the total counts entries, not contacts or people.",
    overlapping: "One contact or person can be counted in several rows: the total counts entries.",
    suppressed: "suppressed",
    total: "Total",
    none: "not stated",
    yes: "yes",
    no: "no",
    dataTable: "Data of the chart",
    noReports: "No reports for this question.",
    madeWith: "Made with Pomoc; charts drawn with Observable Plot.",
    measures: { records: "Count", people: "People", sum: "Sum" },
    share: "Share",
    outcomeColumns: {
      numerator: "counted in the share",
      rest: "the others",
      improved: "improved",
      same: "no change",
      worse: "worse"
    },
    dimensions: {
      rate: "Share",
      change: "Change per person",
      tag: "Category",
      channel: "Channel",
      firstContactChannel: "First contact through",
      locationKind: "Place",
      topic: "Topic",
      month: "Month",
      ageBand: "Age",
      ageGroup: "Age group",
      gender: "Gender",
      identityLevel: "Identity",
      personParticipated: "With the person",
      value: "Value",
      indicator: "Indicator",
      kind: "Kind",
      audience: "Audience",
      endedBy: "Ended by",
      forExternalStaff: "For external staff",
      mode: "Form"
    },
    sums: {
      participants: "Participants",
      attendance: "Attendance",
      anonymousCount: "Anonymous participants",
      minutes: "Minutes",
      durationMinutes: "Minutes",
      hours: "Hours"
    }
  },
  cs: {
    title: "Výroční zpráva",
    period: "Období",
    questions: {
      "how-much": "Kolik jsme toho udělali?",
      "how-well": "Jak dobře jsme to udělali?",
      "better-off": "Je na tom někdo lépe?"
    },
    howToRead: "Jak číst tuto zprávu",
    suppression: suppressionText(
      "Na ochranu lidí, se kterými pracujeme, je každý počet od 1 do {max} uveden jako „skryto“, a skryto je i tolik dalších počtů, aby skrytý počet nešlo dopočítat ze součtů."
    ),
    zero:
      "0 znamená, že se tam nic nezapočítalo; „skryto“ znamená, že počet existuje, ale je příliš malý na zveřejnění (nebo by takový prozradil).",
    totals:
      "Součty jsou součty řádků, jak byly započítány. Kde jeden kontakt nebo člověk může patřit do více řádků (více intervencí, více potřeb), součet počítá záznamy, ne kontakty ani lidi.",
    overlapping: "Jeden kontakt nebo člověk může být započítán ve více řádcích: součet počítá záznamy.",
    suppressed: "skryto",
    total: "Celkem",
    none: "neuvedeno",
    yes: "ano",
    no: "ne",
    dataTable: "Data grafu",
    noReports: "K této otázce nejsou žádné přehledy.",
    madeWith: "Vytvořeno pomocí Pomoc; grafy nakresleny knihovnou Observable Plot.",
    measures: { records: "Počet", people: "Lidé", sum: "Součet" },
    share: "Podíl",
    outcomeColumns: {
      numerator: "započteno do podílu",
      rest: "ostatní",
      improved: "zlepšení",
      same: "beze změny",
      worse: "zhoršení"
    },
    dimensions: {
      rate: "Podíl",
      change: "Změna u jednotlivých lidí",
      tag: "Kategorie",
      channel: "Kanál",
      firstContactChannel: "Cesta k prvnímu kontaktu",
      locationKind: "Místo",
      topic: "Téma",
      month: "Měsíc",
      ageBand: "Věk",
      ageGroup: "Věková skupina",
      gender: "Pohlaví",
      identityLevel: "Identita",
      personParticipated: "Za účasti člověka",
      value: "Hodnota",
      indicator: "Ukazatel",
      kind: "Druh",
      audience: "Pro koho",
      endedBy: "Ukončil(a)",
      forExternalStaff: "Pro externí pracovníky",
      mode: "Forma"
    },
    sums: {
      participants: "Účastníci",
      attendance: "Účast",
      anonymousCount: "Anonymní účastníci",
      minutes: "Minuty",
      durationMinutes: "Minuty",
      hours: "Hodiny"
    }
  },
  lt: {
    title: "Metinė ataskaita",
    period: "Laikotarpis",
    questions: {
      "how-much": "Kiek nuveikėme?",
      "how-well": "Kaip gerai tai padarėme?",
      "better-off": "Ar kam nors pagerėjo?"
    },
    howToRead: "Kaip skaityti šią ataskaitą",
    suppression: suppressionText(
      "Siekiant apsaugoti žmones, su kuriais dirbame, kiekvienas skaičius nuo 1 iki {max} rodomas kaip „paslėpta“, o paslepiama ir tiek kitų skaičių, kad paslėpto skaičiaus nebūtų galima apskaičiuoti iš sumų."
    ),
    zero:
      "0 reiškia, kad nieko nebuvo suskaičiuota; „paslėpta“ reiškia, kad skaičius yra, bet per mažas skelbti (arba jį atskleistų).",
    totals:
      "Sumos yra eilučių sumos, kaip jos suskaičiuotos. Kai vienas kontaktas ar žmogus gali patekti į kelias eilutes (kelios intervencijos, kelios reikmės), suma skaičiuoja įrašus, o ne kontaktus ar žmones.",
    overlapping: "Vienas kontaktas ar žmogus gali būti suskaičiuotas keliose eilutėse: suma skaičiuoja įrašus.",
    suppressed: "paslėpta",
    total: "Iš viso",
    none: "nenurodyta",
    yes: "taip",
    no: "ne",
    dataTable: "Diagramos duomenys",
    noReports: "Šiam klausimui ataskaitų nėra.",
    madeWith: "Sukurta su Pomoc; diagramos nubraižytos su Observable Plot.",
    measures: { records: "Skaičius", people: "Žmonės", sum: "Suma" },
    share: "Dalis",
    outcomeColumns: {
      numerator: "įskaičiuota į dalį",
      rest: "kiti",
      improved: "pagerėjo",
      same: "nepasikeitė",
      worse: "pablogėjo"
    },
    dimensions: {
      rate: "Dalis",
      change: "Pokytis kiekvienam žmogui",
      tag: "Kategorija",
      channel: "Kanalas",
      firstContactChannel: "Pirmasis kontaktas per",
      locationKind: "Vieta",
      topic: "Tema",
      month: "Mėnuo",
      ageBand: "Amžius",
      ageGroup: "Amžiaus grupė",
      gender: "Lytis",
      identityLevel: "Tapatybė",
      personParticipated: "Dalyvaujant žmogui",
      value: "Reikšmė",
      indicator: "Rodiklis",
      kind: "Rūšis",
      audience: "Kam skirta",
      endedBy: "Užbaigė",
      forExternalStaff: "Išoriniams darbuotojams",
      mode: "Forma"
    },
    sums: {
      participants: "Dalyviai",
      attendance: "Lankomumas",
      anonymousCount: "Anoniminiai dalyviai",
      minutes: "Minutės",
      durationMinutes: "Minutės",
      hours: "Valandos"
    }
  },
  bg: {
    title: "Годишен отчет",
    period: "Период",
    questions: {
      "how-much": "Колко направихме?",
      "how-well": "Колко добре го направихме?",
      "better-off": "По-добре ли е някому?"
    },
    howToRead: "Как да четете този отчет",
    suppression: suppressionText(
      "За да защитим хората, с които работим, всеки брой от 1 до {max} е показан като „скрито“, а скрити са и толкова други бройки, колкото е нужно, за да не може скритият брой да се изчисли от сборовете."
    ),
    zero:
      "0 означава, че там не е преброено нищо; „скрито“ означава, че има брой, но той е твърде малък, за да се публикува (или би издал такъв).",
    totals:
      "Сборовете са сборове на редовете, както са преброени. Където един контакт или човек може да попадне в няколко реда (няколко интервенции, няколко нужди), сборът брои записи, а не контакти или хора.",
    overlapping: "Един контакт или човек може да е преброен в няколко реда: сборът брои записи.",
    suppressed: "скрито",
    total: "Общо",
    none: "не е посочено",
    yes: "да",
    no: "не",
    dataTable: "Данни на графиката",
    noReports: "Няма отчети по този въпрос.",
    madeWith: "Създадено с Pomoc; графиките са начертани с Observable Plot.",
    measures: { records: "Брой", people: "Хора", sum: "Сбор" },
    share: "Дял",
    outcomeColumns: {
      numerator: "включени в дела",
      rest: "останалите",
      improved: "подобрение",
      same: "без промяна",
      worse: "влошаване"
    },
    dimensions: {
      rate: "Дял",
      change: "Промяна при всеки човек",
      tag: "Категория",
      channel: "Канал",
      firstContactChannel: "Първи контакт чрез",
      locationKind: "Място",
      topic: "Тема",
      month: "Месец",
      ageBand: "Възраст",
      ageGroup: "Възрастова група",
      gender: "Пол",
      identityLevel: "Идентичност",
      personParticipated: "С участието на човека",
      value: "Стойност",
      indicator: "Показател",
      kind: "Вид",
      audience: "За кого",
      endedBy: "Прекратено от",
      forExternalStaff: "За външни служители",
      mode: "Форма"
    },
    sums: {
      participants: "Участници",
      attendance: "Посещаемост",
      anonymousCount: "Анонимни участници",
      minutes: "Минути",
      durationMinutes: "Минути",
      hours: "Часове"
    }
  }
}
