//===--- NonBlockingIO.cpp ------------------------------------------------===//

#include "NonBlockingIO.h"
#include "Awaitables.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::coro {
namespace {

/// A POSIX call that blocks only when its descriptor is in blocking mode,
/// or a stdio read that blocks only when its stream's file can make it wait.
struct DescriptorCall {
  llvm::StringLiteral Name;
  /// The index of its MSG_* flags argument, or -1.
  int FlagsArg;
  bool Writes;
  /// The index of the descriptor or stream argument.
  unsigned Target = 0;
  /// A stdio read (its stream is a FILE *): only a kernel pseudo-file
  /// exempts it.
  bool Stdio = false;
};
constexpr DescriptorCall DescriptorCalls[] = {
    {"read", -1, false},    {"readv", -1, false},  {"write", -1, true},
    {"writev", -1, true},   {"recv", 3, false},    {"recvfrom", 3, false},
    {"recvmsg", 2, false},  {"send", 3, true},     {"sendto", 3, true},
    {"sendmsg", 2, true},   {"accept", -1, false}, {"accept4", -1, false},
    {"connect", -1, false}, {"fscanf", -1, false, 0, true},
    {"fgets", -1, false, 2, true}, {"fread", -1, false, 3, true},
    {"getline", -1, false, 2, true}, {"getdelim", -1, false, 3, true}};

/// Calls that open a file by path, and the index of the path argument.
struct OpenCall {
  llvm::StringLiteral Name;
  unsigned PathArg;
};
constexpr OpenCall OpenCalls[] = {{"fopen", 0},  {"fopen64", 0}, {"open", 0},
                                  {"open64", 0}, {"openat", 1}};
/// Kernel pseudo-file systems: reading one of their files formats kernel
/// state into the buffer and never waits for a device or a peer.
constexpr llvm::StringLiteral KernelFileRoots[] = {"/proc/", "/sys/"};
/// The files under them whose read waits for data to arrive.
constexpr llvm::StringLiteral WaitingKernelFiles[] = {"/proc/kmsg", "trace_pipe"};

/// The errors of an operation that would have blocked on a non-blocking
/// descriptor: code that tests for them runs a non-blocking protocol.
constexpr llvm::StringLiteral WouldBlockErrors[] = {"EAGAIN", "EWOULDBLOCK",
                                                    "EINPROGRESS"};
/// Per-call flags asking a socket call not to block.
constexpr llvm::StringLiteral DontWaitFlags[] = {"MSG_DONTWAIT", "MSG_NONBLOCK"};
/// Flags that create or set a descriptor non-blocking.
constexpr llvm::StringLiteral NonBlockingFlags[] = {
    "SOCK_NONBLOCK", "O_NONBLOCK",   "O_NDELAY",   "EFD_NONBLOCK", "TFD_NONBLOCK",
    "SFD_NONBLOCK",  "IN_NONBLOCK", "FIONBIO"};
/// Words in the names of calls that wait for a descriptor's readiness, when
/// the call returns an awaitable (the runtime's poll, async_wait, readable).
constexpr llvm::StringLiteral ReadinessWords[] = {"poll", "wait", "readable",
                                                  "writable"};

bool isGlobalFunction(const FunctionDecl &FD, llvm::StringRef Name) {
  const IdentifierInfo *II = FD.getIdentifier();
  return II && II->getName() == Name &&
         FD.getDeclContext()->getRedeclContext()->isTranslationUnit();
}

const DescriptorCall *descriptorCall(const FunctionDecl &FD) {
  for (const DescriptorCall &C : DescriptorCalls)
    if (isGlobalFunction(FD, C.Name))
      return &C;
  return nullptr;
}

/// Whether \p CE opens a file of /proc or /sys (other than those whose
/// read waits, such as /proc/kmsg) by a path spelled as a literal.
bool opensKernelFile(const CallExpr &CE, const FunctionDecl &Callee) {
  for (const OpenCall &O : OpenCalls) {
    if (!isGlobalFunction(Callee, O.Name) || O.PathArg >= CE.getNumArgs())
      continue;
    const auto *Path =
        llvm::dyn_cast<StringLiteral>(CE.getArg(O.PathArg)->IgnoreParenImpCasts());
    if (!Path || !Path->isOrdinary())
      return false;
    const llvm::StringRef P = Path->getString();
    return llvm::any_of(KernelFileRoots,
                        [&](llvm::StringRef R) { return P.starts_with(R); }) &&
           llvm::none_of(WaitingKernelFiles,
                         [&](llvm::StringRef W) { return P.contains(W); });
  }
  return false;
}

/// Whether \p Loc comes from the expansion of a macro named in \p Names
/// (directly or through macros that expand to it).
bool spelledAs(SourceLocation Loc, llvm::ArrayRef<llvm::StringLiteral> Names,
               const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  while (Loc.isMacroID()) {
    if (llvm::is_contained(
            Names, Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts())))
      return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

/// Whether \p E is one of \p Names: an enumerator or constant of that name,
/// or a macro of that name.
bool isNamedConstant(const Expr *E, llvm::ArrayRef<llvm::StringLiteral> Names,
                     const ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = llvm::dyn_cast<DeclRefExpr>(E))
    if (const IdentifierInfo *II = DRE->getDecl()->getIdentifier();
        II && llvm::is_contained(Names, II->getName()))
      return true;
  return spelledAs(E->getBeginLoc(), Names, Ctx);
}

/// Whether \p E mentions one of \p Names, not under a '~' (which clears
/// the flag: flags & ~O_NONBLOCK).
bool mentions(const Stmt *S, llvm::ArrayRef<llvm::StringLiteral> Names,
              const ASTContext &Ctx) {
  if (!S)
    return false;
  if (const auto *UO = llvm::dyn_cast<UnaryOperator>(S);
      UO && UO->getOpcode() == UO_Not)
    return false;
  if ((llvm::isa<DeclRefExpr>(S) || llvm::isa<IntegerLiteral>(S)) &&
      isNamedConstant(llvm::cast<Expr>(S), Names, Ctx))
    return true;
  for (const Stmt *Child : S->children())
    if (mentions(Child, Names, Ctx))
      return true;
  return false;
}

/// Whether \p E is EAGAIN, EWOULDBLOCK or EINPROGRESS (or its negation, as
/// APIs returning -errno spell it).
bool isWouldBlockError(const Expr *E, const ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = llvm::dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Minus)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  return isNamedConstant(E, WouldBlockErrors, Ctx);
}

/// The field a member of an instantiated class template stands for in the
/// template, so that evidence read from the template's bodies applies.
const FieldDecl *patternField(const FieldDecl *F) {
  const auto *RD = llvm::dyn_cast<CXXRecordDecl>(F->getParent());
  if (const CXXRecordDecl *Pattern =
          RD ? RD->getTemplateInstantiationPattern() : nullptr)
    for (const FieldDecl *G : Pattern->fields())
      if (G->getDeclName() == F->getDeclName())
        return G;
  return F;
}

/// The declaration a descriptor expression is reached from: 'fd' (a local
/// or parameter), 'm_fd' and 'm_socket.native_handle()' (a field of this
/// object), 'fds[1]' and 'conn.fd' (the variable 'fds', 'conn'). Null when
/// it is computed some other way.
const Decl *descriptorOf(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(E)) {
      // An accessor of the object holding the descriptor: native_handle(),
      // fd(), operator int().
      if (MC->getNumArgs() != 0)
        return nullptr;
      E = MC->getImplicitObjectArgument();
    } else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(E)) {
      const OverloadedOperatorKind K = Op->getOperator();
      if (K != OO_Subscript && K != OO_Arrow && K != OO_Star)
        return nullptr;
      E = Op->getArg(0);
    } else if (const auto *ASE = llvm::dyn_cast<ArraySubscriptExpr>(E)) {
      E = ASE->getBase();
    } else if (const auto *UO = llvm::dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_AddrOf && UO->getOpcode() != UO_Deref)
        return nullptr;
      E = UO->getSubExpr();
    } else if (const auto *ME = llvm::dyn_cast<MemberExpr>(E)) {
      if (llvm::isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts())) {
        const auto *F = llvm::dyn_cast<FieldDecl>(ME->getMemberDecl());
        return F ? patternField(F) : nullptr;
      }
      E = ME->getBase();
    } else if (const auto *DRE = llvm::dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = llvm::dyn_cast<VarDecl>(DRE->getDecl());
      return VD ? VD->getCanonicalDecl() : nullptr;
    } else if (const auto *MTE = llvm::dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = MTE->getSubExpr();
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

/// The call whose result \p E holds: 'socket(...)', 'net::socket{accept4(...)}'.
const CallExpr *producingCall(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *EWC = llvm::dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *MTE = llvm::dyn_cast<MaterializeTemporaryExpr>(E))
      E = MTE->getSubExpr();
    else if (const auto *BTE = llvm::dyn_cast<CXXBindTemporaryExpr>(E))
      E = BTE->getSubExpr();
    else if (const auto *FC = llvm::dyn_cast<CXXFunctionalCastExpr>(E))
      E = FC->getSubExpr();
    else if (const auto *CE = llvm::dyn_cast<CXXConstructExpr>(E))
      E = CE->getNumArgs() >= 1 ? CE->getArg(0) : nullptr;
    else if (const auto *ILE = llvm::dyn_cast<InitListExpr>(E))
      E = ILE->getNumInits() == 1 ? ILE->getInit(0) : nullptr;
    else
      return llvm::dyn_cast<CallExpr>(E);
  }
  return nullptr;
}

bool isFalseOrZero(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *B = llvm::dyn_cast<CXXBoolLiteralExpr>(E))
    return !B->getValue();
  if (const auto *I = llvm::dyn_cast<IntegerLiteral>(E))
    return I->getValue().isZero();
  return false;
}

/// Reads one body (and a constructor's member initialisers) for what it
/// says about descriptors.
class EvidenceCollector : public RecursiveASTVisitor<EvidenceCollector> {
public:
  EvidenceCollector(const ASTContext &Ctx, NonBlockingIO::Evidence &Out)
      : Ctx(Ctx), Out(Out) {}

  void collect(const FunctionDecl &FD) {
    if (const auto *Ctor = llvm::dyn_cast<CXXConstructorDecl>(&FD))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (const FieldDecl *F = Init->getMember()) {
          created(patternField(F), Init->getInit());
          TraverseStmt(Init->getInit());
        }
    TraverseStmt(FD.getBody());
    finish();
  }
  void collectInitializer(const FieldDecl &F) {
    if (Expr *Init = F.getInClassInitializer()) {
      created(patternField(&F), Init);
      TraverseStmt(Init);
    }
    finish();
  }

  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isEqualityOp() && (isWouldBlockError(B->getLHS(), Ctx) ||
                              isWouldBlockError(B->getRHS(), Ctx)))
      Out.HandlesWouldBlock = true;
    if (B->getOpcode() == BO_Assign)
      created(descriptorOf(B->getLHS()), B->getRHS());
    if ((B->getOpcode() == BO_OrAssign || B->getOpcode() == BO_Assign) &&
        mentions(B->getRHS(), NonBlockingFlags, Ctx))
      SetsFlagSomewhere = true;
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    // fd = accept4(...) on a descriptor wrapper with operator=.
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      created(descriptorOf(Op->getArg(0)), Op->getArg(1));
    return true;
  }
  bool VisitCaseStmt(CaseStmt *C) {
    if (C->getLHS() && isWouldBlockError(C->getLHS(), Ctx))
      Out.HandlesWouldBlock = true;
    return true;
  }
  bool VisitVarDecl(VarDecl *V) {
    if (!V->getInit())
      return true;
    created(V->getCanonicalDecl(), V->getInit());
    if (mentions(V->getInit(), NonBlockingFlags, Ctx))
      SetsFlagSomewhere = true;
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    const IdentifierInfo *II = Callee ? Callee->getIdentifier() : nullptr;
    if (!II)
      return true;
    const llvm::StringRef Name = II->getName();
    const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(CE);
    // fcntl(fd, F_SETFL, flags | O_NONBLOCK), ioctl(fd, FIONBIO, &on),
    // pipe2(fds, O_NONBLOCK); fcntl(fd, F_SETFL, flags) after
    // 'flags |= O_NONBLOCK'.
    if ((isGlobalFunction(*Callee, "fcntl") ||
         isGlobalFunction(*Callee, "ioctl") ||
         isGlobalFunction(*Callee, "pipe2")) &&
        CE->getNumArgs() >= 2) {
      const Decl *D = descriptorOf(CE->getArg(0));
      bool Flag = false;
      for (unsigned I = 1; I < CE->getNumArgs(); ++I)
        Flag |= mentions(CE->getArg(I), NonBlockingFlags, Ctx);
      if (Flag)
        markByFlag(D);
      else if (Name == "fcntl" && CE->getNumArgs() >= 3)
        Pending.push_back(D);
    }
    // socketpair(domain, SOCK_STREAM | SOCK_NONBLOCK, 0, fds).
    if (isGlobalFunction(*Callee, "socketpair") && CE->getNumArgs() == 4 &&
        mentions(CE->getArg(1), NonBlockingFlags, Ctx))
      markByFlag(descriptorOf(CE->getArg(3)));
    // A helper saying what it does: set_nonblocking(fd),
    // sock.setNonBlocking(true); not with a false or zero argument.
    std::string Lower = Name.lower();
    llvm::erase(Lower, '_');
    if (llvm::StringRef(Lower).contains("nonblock") &&
        llvm::none_of(CE->arguments(), isFalseOrZero)) {
      if (MC)
        mark(descriptorOf(MC->getImplicitObjectArgument()));
      else if (CE->getNumArgs() >= 1)
        mark(descriptorOf(CE->getArg(0)));
    }
    // Waiting for readiness through the runtime: co_await poll(fd, read),
    // co_await sock.async_wait(wait_read).
    if (llvm::any_of(ReadinessWords,
                     [&](llvm::StringRef W) { return Lower.find(W) != std::string::npos; }) &&
        !CE->getType().isNull() && !CE->getType()->isDependentType() &&
        structuralAwaitables().classify(CE->getType())) {
      if (MC)
        mark(descriptorOf(MC->getImplicitObjectArgument()));
      for (const Expr *Arg : CE->arguments())
        mark(descriptorOf(Arg));
    }
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_Not &&
        mentions(UO->getSubExpr(), NonBlockingFlags, Ctx))
      ClearsFlag = true;
    return true;
  }

private:
  void mark(const Decl *D) {
    if (D)
      Out.NonBlocking.insert(D);
  }
  void markByFlag(const Decl *D) {
    if (D)
      FlagMarks.push_back(D);
  }
  /// \p D is initialised or assigned from \p Init.
  void created(const Decl *D, const Expr *Init) {
    if (!D || !Init)
      return;
    const CallExpr *CE = producingCall(Init);
    const FunctionDecl *Callee = CE ? CE->getDirectCallee() : nullptr;
    if (!Callee)
      return;
    if (isGlobalFunction(*Callee, "eventfd"))
      Out.EventFds.insert(D);
    if (opensKernelFile(*CE, *Callee))
      Out.KernelFiles.insert(D);
    for (const Expr *Arg : CE->arguments())
      if (mentions(Arg, NonBlockingFlags, Ctx)) {
        FlagMarks.push_back(D);
        return;
      }
  }
  /// Keeps what the flags said unless the body can also clear the flag
  /// (a set_blocking(bool) helper: which one it does is not known here).
  void finish() {
    if (!ClearsFlag) {
      for (const Decl *D : FlagMarks)
        mark(D);
      if (SetsFlagSomewhere)
        for (const Decl *D : Pending)
          mark(D);
    }
    FlagMarks.clear();
    Pending.clear();
    SetsFlagSomewhere = ClearsFlag = false;
  }

  const ASTContext &Ctx;
  NonBlockingIO::Evidence &Out;
  /// Descriptors created or set with a non-blocking flag.
  llvm::SmallVector<const Decl *, 2> FlagMarks;
  /// Descriptors passed to fcntl(fd, cmd, flags) without a flag spelled.
  llvm::SmallVector<const Decl *, 2> Pending;
  /// Whether the body puts a non-blocking flag into a variable
  /// (flags |= O_NONBLOCK), and whether it clears one (flags & ~O_NONBLOCK).
  bool SetsFlagSomewhere = false, ClearsFlag = false;
};

} // namespace

const NonBlockingIO::Evidence &
NonBlockingIO::ofFunction(const FunctionDecl &FD) const {
  auto [It, New] = PerFunction.try_emplace(&FD);
  if (New)
    EvidenceCollector(FD.getASTContext(), It->second).collect(FD);
  return It->second;
}

const NonBlockingIO::Evidence &
NonBlockingIO::ofClass(const CXXRecordDecl &RD) const {
  auto [It, New] = PerClass.try_emplace(&RD);
  if (!New)
    return It->second;
  Evidence &E = It->second;
  const ASTContext &Ctx = RD.getASTContext();
  for (const Decl *D : RD.decls()) {
    if (const auto *FTD = llvm::dyn_cast<FunctionTemplateDecl>(D))
      D = FTD->getTemplatedDecl();
    if (const auto *F = llvm::dyn_cast<FieldDecl>(D))
      EvidenceCollector(Ctx, E).collectInitializer(*F);
    const auto *MD = llvm::dyn_cast<CXXMethodDecl>(D);
    const FunctionDecl *Def = MD ? MD->getDefinition() : nullptr;
    if (Def && Def->hasBody())
      EvidenceCollector(Ctx, E).collect(*Def);
  }
  // Whatever a member function says about its locals does not matter here.
  E.HandlesWouldBlock = false;
  return E;
}

bool NonBlockingIO::isNonBlocking(const Expr &Call,
                                  const FunctionDecl &Function) const {
  const auto *CE = llvm::dyn_cast<CallExpr>(&Call);
  const FunctionDecl *Callee = CE ? CE->getDirectCallee() : nullptr;
  const DescriptorCall *IO = Callee ? descriptorCall(*Callee) : nullptr;
  if (!IO || CE->getNumArgs() == 0)
    return false;
  if (IO->Target >= CE->getNumArgs())
    return false;
  const ASTContext &Ctx = Function.getASTContext();
  if (IO->Stdio) {
    const Decl *Stream = descriptorOf(CE->getArg(IO->Target));
    return Stream && ofFunction(Function).KernelFiles.contains(Stream);
  }
  if (IO->FlagsArg >= 0 && static_cast<unsigned>(IO->FlagsArg) < CE->getNumArgs() &&
      mentions(CE->getArg(IO->FlagsArg), DontWaitFlags, Ctx))
    return true;
  const Evidence &Here = ofFunction(Function);
  if (Here.HandlesWouldBlock)
    return true;
  const Decl *D = descriptorOf(CE->getArg(IO->Target));
  if (!D)
    return false;
  auto Says = [&](const Evidence &E) {
    return E.NonBlocking.contains(D) || (IO->Writes && E.EventFds.contains(D)) ||
           (!IO->Writes && E.KernelFiles.contains(D));
  };
  if (Says(Here))
    return true;
  if (const auto *F = llvm::dyn_cast<FieldDecl>(D))
    if (const auto *RD = llvm::dyn_cast<CXXRecordDecl>(F->getParent()))
      return Says(ofClass(*RD));
  return false;
}

} // namespace clang::tidy::coro
