import { accessMatrix } from "./matrix";

accessMatrix("judge");
