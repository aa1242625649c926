corpus/107-rejection-length-long-designer.txt:3:1: warning: This reads as a rejection-reply note and its body has 169 words; keep it to 150 words or fewer: cut the repeated thanks, the background the reader already knows and anything that belongs in a call. [FollowUp.Length]
# exit 0
